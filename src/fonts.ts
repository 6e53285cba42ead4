// Only the scripts the map's labels and the panels use: Latin (English names) and Cyrillic (Ukrainian and
// Russian names). Shared by the app and the benchmark's baseline page.
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans/cyrillic-400.css';
import '@fontsource/noto-sans/cyrillic-700.css';
