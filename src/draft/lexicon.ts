/**
 * Word lists the drafting rules use. General English and news usage only: nothing here is taken from
 * one article.
 */

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/**
 * Capitalised words that are never a place on their own, though a gazetteer entry (often a small town or
 * an alternate name) carries them: organisations, months, weekdays, titles, directions, common words.
 * Inside a longer name they still count ("New Jersey", "European Union").
 */
export const STOP_WORDS = set(`
  Union Congress Parliament Senate House Duma Rada Plans Plan Jersey Guernsey Mobile Reading Nice Split Most Bath
  Independence Liberty Freedom Justice Progress Unity Victory Peace Hope Mission Enterprise Alliance Federation
  Republic Kingdom Empire State States General Colonel President Minister Secretary Press News Post Times Ministry
  Department Army Navy Air Force Forces Guard Council Agency Office Committee Administration Government Kremlin
  Pentagon White Black Red Green Blue Central North South East West Northern Southern Eastern Western Middle Capital
  Foreign Defense Defence Interior Justice Home Party Democrats Republicans Christmas Easter Olympic Games Cup League
  January February March April May June July August September October November December Monday Tuesday Wednesday
  Thursday Friday Saturday Sunday Spring Summer Winter Autumn Fall Storm Shadow Patriot Javelin Stinger Iskander
  Kalibr Kinzhal Bayraktar Leopard Abrams Sputnik Reuters Interfax Tass Pravda Zvezda The A An In On At But And It
  He She They We This That As While After Before Since When Amid Against Such However Also Speaking Talks Diplomatic
  Order Borders Border Front Victory Lucky Mercy Hero Heroes Will Grace Faith Trinity Bay Sea
  Ocean Gulf Strait Lake River Island Islands Peninsula Mountains Valley Hills Field Fields Park Square Street Road
  Bridge Port Station Airport City Town Village Region Province Oblast District Territory Zone Area Base Range
  Pacific Atlantic Arctic Baltic Caspian Asia Minor Great Little Upper Lower Old New Saint San Santa St
`);

/** First names: a single-token place match that is one is dropped (Antony, France; Jordan stays a country). */
export const FIRST_NAMES = set(`
  Antony Anthony Joe Joseph Jen Jennifer John Jon Vladimir Sergey Sergei Dmitri Dmitry Dmytro Alexander Alexandre
  Alexei Alexey Aleksei Aleksandr Oleksandr Oleksii Oleksiy Volodymyr Olaf Emmanuel Boris Liz Ben Jens Lloyd Mark
  Kamala Nancy Jake Ned Linda Victoria Ursula Charles Josep Mike Michael Donald Kim Recep Viktor Andrzej Mateusz Ivan
  Igor Yuri Yury Yuriy Nikolai Nikolay Maria Anna Olga Sviatlana Svetlana Valery Valeriy Ramzan Yevgeny Evgeny
  Denis Denys Oleg Pavel Petro Arseniy Andriy Andrei Andrey Kyrylo Iryna Irina Pedro Mario Justin Scott David James
  Robert William George Paul Peter Richard Thomas Daniel Matthew Andrew Steven Kevin Brian Jeff Tom Chris Jim Bill
  Bob Sarah Elizabeth Mary Susan Karen Lisa Emily Catherine Angela Helen Jessica Laura Rachel Julia Antonio Jordan
  Chad Israel Georgia Florence Lincoln Austin Tyler Jackson Warren Douglas Troy Orlando Salem Marion Clinton Milton
  Chester Dallas Eugene Irving Aurora Alma Gloria Lorain Lavrentiy Mykola Vitali Vitaliy Vitaly
  Ruslan Rustem Sergiy Serhiy Serhii Heorhiy Taras Bohdan Anatoly Anatoliy Gennady Konstantin Kostiantyn Maxim
  Maksym Roman Ihor Leonid Mikhail Mykhailo Stepan Fyodor Artem Artyom Nikita Valentina Natalia Natalya Yulia Lyudmila
  Tatiana Tetiana Oksana Ekaterina Kateryna Marina Margarita Elena Olena Alina Daria Darya Ksenia Polina Sofia
`);

/** Words before a name that make it a person's: "Secretary of State Antony Blinken", "Gen. Valery Gerasimov". */
export const TITLES = set(`
  President Vice Secretary Minister Ambassador spokesperson spokesman spokeswoman Chancellor Prime Premier Gen. General
  Adm. Admiral Col. Colonel Lt. Lieutenant Maj. Major Sgt. Sergeant Capt. Captain Mr. Mrs. Ms. Dr. Sen. Senator Rep.
  Representative Gov. Governor Mayor King Queen Prince Pope Commander Chief Director Deputy Envoy Lawmaker lawmaker
  official adviser advisor aide analyst Patriarch Speaker Chairman Chairwoman Chair Marshal
`);

/** Organisation heads: a name right before one is part of an organisation's name ("Kyiv Post"). */
export const ORG_HEADS = set(`
  Ministry Department House Council Parliament Duma Rada Congress Senate Agency Office Committee Administration
  Kremlin Pentagon Government Army Navy Forces Force Guard Fleet Command News Times Post Journal Press Service Bank
  Company Corp Group University Institute Union Alliance Organization Organisation Party Church Embassy Consulate Court
  Staff Headquarters Center Centre Airlines Independent Observer Herald Telegraph Tribune Gazette Mirror Club Brigade
  Battalion Regiment Division Corps Inc Ltd Foundation Commission Tribunal Assembly
`);

/** Names of organisations written in capitals that a locative rule must not take for a place. */
export const ORG_NAMES = set(`NATO UN EU OSCE IAEA CIA FBI FSB GRU KGB SBU NBC CNN BBC AP AFP TASS RIA CSTO G7 G20 WHO`);

/** Direction words kept with the place they qualify ("eastern Ukraine", "the southern Rostov region"). */
export const DIRECTIONS =
  /^(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?$|^(?:mid|western|eastern|northern|southern)$/i;

/** After a name: the administrative forms "X region", "X Oblast", "X province", "X Krai"… */
export const ADMIN_SUFFIX =
  /^\s+(region|oblast|province|krai|kray|territory|republic|governorate|voblast|voblasts|district|raion|rayon|county|state)(?:s)?\b/i;
/** "Volgograd [and Rostov regions]": the first of two names that share a plural administrative word. */
export const SHARED_ADMIN_SUFFIX =
  /^(?:,|\s+and)\s+[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?\s+(region|oblast|province|krai|territor|republic|governorate|district|count|state)(?:s|ies)\b/u;

/**
 * After a name: a facility or feature the gazetteer of populated places cannot hold. "Pogonovo training
 * ground" is not the village of Pogonovo: it comes back unresolved, with the village as a namesake.
 */
export const FACILITY =
  /^\s+(training ground|training grounds|training range|training area|firing range|proving ground|testing ground|test site|test range|range|airfield|air field|airbase|air base|air station|military base|naval base|base|airport|cosmodrome|spaceport|shipyard|port|harbou?r|garrison|depot|arsenal|bridge|dam|nuclear power plant|power plant|plant|refinery|military town|checkpoint|crossing|border crossing)\b/i;

/** After a name: a natural feature, written capitalised ("Black Sea", "Dnipro River"). */
export const FEATURE =
  /^\s+(Sea|Ocean|Gulf|Strait|Bay|River|Peninsula|Lake|Mountains|Canal|Island|Islands|Steppe|Forest|Delta|Lagoon)\b/;
/** Before a name: "Sea of Azov", "Gulf of Finland". */
export const FEATURE_OF = /(?:^|\s)(?:the\s+)?(Sea|Gulf|Strait|Bay|Lake|Isle|Island|Islands) of\s+$/;

/** Words after a demonym adjective that make it a place mention ("the Ukrainian border", "Russian troops"). */
export const ADJECTIVE_HEADS = set(`
  border borders frontier territory territories soil airspace waters coast coastline side capital city cities region
  regions airfield airfields base bases port ports village villages town towns troops forces soldiers army navy military
  jets warplanes warships fleet positions lines units tanks paratroopers marines missiles
`);

/** Prepositions after which a capitalised, unknown name is proposed as an unresolved place. */
export const LOCATIVES = set(`in near outside around across toward towards into off at from`);
