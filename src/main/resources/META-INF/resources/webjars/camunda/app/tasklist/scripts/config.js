// Tasklist for the municipalities' caseworkers: Danish first, English as fallback (7.24 reads
// this file as an ES module). Danish dates come from locales/da.json (dateLocales).
export default {
  locales: {
    availableLocales: ['da', 'en'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'tager den valgte opgave'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'flytter fokus til det første filter i listen'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'flytter fokus til den første opgave i listen'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'flytter fokus til det første felt i opgavens formular'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'åbner dialogen til at starte en proces'
    }
  }
};
