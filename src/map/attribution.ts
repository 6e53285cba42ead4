/**
 * Credits shown in the map's attribution control. GeoNames data is CC BY 4.0 and must be credited visibly;
 * Natural Earth is public domain and credited as good practice. MapLibre renders these strings as HTML, so
 * they are constants written here, never text taken from data.
 */
export const ATTRIBUTION = [
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain)',
  '<a href="https://www.geonames.org/">GeoNames</a> (<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)',
  'Noto Sans (OFL 1.1)',
];
