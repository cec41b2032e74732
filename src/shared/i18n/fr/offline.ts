/** Working without network: prepared files, writes waiting on the device, sync. Part of the one catalogue in ../fr.ts. */
export const offline = {
  nav: 'Hors ligne',
  status: {
    offline: 'Hors ligne',
    offlineLead:
      'Pas de réseau : vous consultez les dossiers préparés sur cet appareil. Ce que vous enregistrez est gardé ici et sera envoyé au retour du réseau.',
    waiting: (n: number) => (n > 1 ? `${n} enregistrements en attente d’envoi` : '1 enregistrement en attente d’envoi'),
    toResolve: (n: number) => (n > 1 ? `${n} enregistrements à vérifier` : '1 enregistrement à vérifier'),
    syncing: 'Envoi en cours…',
    synced: 'Tout est envoyé',
  },
  page: {
    title: 'Travailler hors ligne',
    lead: 'Préparez les dossiers de vos visites avant de partir : vous pourrez les ouvrir, remplir des formulaires et ajouter des notes sans réseau. Tout est envoyé au retour du réseau.',
    connection: 'Connexion',
    online: 'Connecté au serveur.',
    offline: 'Pas de réseau en ce moment.',
    stoppedBy: {
      network: 'Le dernier envoi n’a pas abouti faute de réseau ; il reprendra tout seul.',
      session: 'Votre session a expiré : reconnectez-vous pour envoyer ce qui attend.',
      server: 'Le serveur n’a pas pu enregistrer ; un nouvel essai aura lieu dans quelques instants.',
    },
    lastSync: (at: string) => `Dernier envoi complet : ${at}.`,
    syncNow: 'Envoyer maintenant',
    outboxTitle: 'En attente d’envoi',
    outboxCaption: 'Enregistrements gardés sur cet appareil, du plus ancien au plus récent',
    outboxEmpty: 'Rien n’attend : tout ce que vous avez enregistré est sur le serveur.',
    what: 'Enregistrement',
    savedAt: 'Enregistré le',
    state: 'État',
    states: { pending: 'En attente', conflict: 'À vérifier : modifié entre-temps', rejected: 'Refusé par le serveur' },
    open: 'Ouvrir',
    conflictTitle: (label: string) => `Conflit : ${label}`,
    conflictLead: (at: string) =>
      `Ce formulaire a été modifié sur le serveur le ${at}, pendant que vous travailliez hors ligne. Rien n’a été écrasé : choisissez la version à garder.`,
    conflictValidated:
      'La version du serveur a été validée : si vous gardez vos réponses, elles seront enregistrées comme un nouveau formulaire.',
    question: 'Question',
    mine: 'Vos réponses (sur cet appareil)',
    theirs: 'Sur le serveur',
    keepMine: 'Garder mes réponses',
    keepTheirs: 'Garder la version du serveur',
    rejectedLead: 'Le serveur a refusé cet enregistrement :',
    discard: 'Abandonner cet enregistrement',
    preparedTitle: 'Dossiers préparés sur cet appareil',
    preparedCaption: 'Dossiers consultables sans réseau',
    preparedEmpty: 'Aucun dossier préparé.',
    person: 'Personne',
    preparedAt: 'Préparé le',
    forget: (name: string) => `Retirer ${name} de cet appareil`,
    refreshAll: 'Mettre à jour les dossiers préparés',
    prepareTitle: 'Préparer des dossiers',
    prepareLead: 'Cochez les personnes que vous allez voir. Seuls ces dossiers sont copiés sur l’appareil.',
    prepareLegend: 'Personnes de mon portefeuille',
    prepareEmpty: 'Aucune personne dans votre portefeuille.',
    prepare: 'Préparer les dossiers cochés',
    preparing: (n: number, total: number) => `Préparation… ${n} / ${total}`,
    prepared: (n: number) => (n > 1 ? `${n} dossiers prêts hors ligne.` : '1 dossier prêt hors ligne.'),
    prepareFailed: 'La préparation a échoué : vérifiez la connexion puis réessayez.',
    needsNetwork: 'La préparation des dossiers demande une connexion.',
    privacy: 'Les dossiers préparés et ce qui attend d’être envoyé sont effacés de l’appareil à la déconnexion.',
  },
  unreachable: {
    title: 'Pas de réseau',
    lead: 'Le serveur est injoignable et aucun dossier n’a été préparé sur cet appareil. Reconnectez-vous au réseau puis rechargez la page.',
  },
  signOut: {
    title: 'Des enregistrements ne sont pas encore envoyés',
    lead: (n: number) =>
      `${n > 1 ? `${n} enregistrements attendent` : '1 enregistrement attend'} d’être envoyé${n > 1 ? 's' : ''}. La déconnexion efface cet appareil : ils seraient perdus.`,
    review: 'Voir ce qui attend',
    anyway: 'Me déconnecter et les perdre',
    cancel: 'Rester connecté',
  },
  list: {
    notSent: 'Sur cet appareil, en attente d’envoi',
    thisDevice: 'Vous (cet appareil)',
    changedHere: 'Modifié sur cet appareil, en attente d’envoi',
  },
  draft: {
    savedLocally: (time: string) =>
      `Enregistré sur cet appareil à ${time}. Envoi au serveur dès que le réseau le permet.`,
    submittedLocally:
      'Formulaire validé sur cet appareil : il sera envoyé au serveur dès que le réseau le permettra.',
    conflict:
      'Ce formulaire a été modifié sur le serveur entre-temps. Vos réponses sont gardées sur cet appareil : choisissez la version à garder dans « Hors ligne ».',
  },
} as const;
