/** In-app notifications and reminder e-mails. Part of the one catalogue in ../fr.ts. */
export const notifications = {
  title: 'Notifications',
  lead: 'Les rappels et messages qui vous sont adressés. Les notifications non lues apparaissent en premier.',
  bell: (unread: number) =>
    unread === 0
      ? 'Notifications, aucune non lue'
      : unread === 1
        ? 'Notifications, 1 non lue'
        : `Notifications, ${unread} non lues`,
  empty: 'Vous n’avez aucune notification.',
  listCaption: 'Vos notifications, les non lues d’abord',
  unread: 'Non lue',
  read: 'Lue',
  receivedAt: (when: string) => `Reçue le ${when}`,
  open: 'Ouvrir',
  openNamed: (title: string) => `Ouvrir : ${title}`,
  markRead: 'Marquer comme lue',
  markReadNamed: (title: string) => `Marquer comme lue : ${title}`,
  markAllRead: 'Tout marquer comme lu',
  markedAllRead: (n: number) =>
    n === 0
      ? 'Aucune notification à marquer.'
      : n === 1
        ? '1 notification marquée comme lue.'
        : `${n} notifications marquées comme lues.`,
  markedRead: 'Notification marquée comme lue.',
  mail: {
    subject: (title: string) => `Demeure — ${title}`,
    body: (name: string, title: string, url: string) =>
      `Bonjour ${name},\n\nVous avez une nouvelle notification dans Demeure :\n${title}\n\nPour la consulter, connectez-vous :\n${url}\n\nVous recevez ce message parce qu’une notification vous a été adressée dans Demeure. Le détail reste consultable uniquement dans l’application.\n\nDemeure`,
  },
};
