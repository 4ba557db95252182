// Danish first, English as fallback (7.24 reads this file as an ES module).
// Danish dates come from locales/da.json (dateLocales).
export default {
  locales: {
    availableLocales: ['da', 'en'],
    fallbackLocale: 'en'
  }
};
