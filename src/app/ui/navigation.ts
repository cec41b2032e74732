import type { Permission } from '#src/shared/auth/permissions.ts';
import { messages } from '#src/shared/i18n/fr.ts';

export type NavItem = { to: string; label: string; permission?: Permission };
export type NavSection = { label?: string; items: NavItem[] };

/** What the main navigation offers; each entry shows only to users whose role grants its permission. */
export const navigation: NavSection[] = [
  { items: [{ to: '/', label: messages.nav.home }] },
  {
    label: messages.nav.casework,
    items: [
      { to: '/personnes', label: messages.nav.people, permission: 'person.read' },
      { to: '/formulaires/recherche', label: messages.forms.search.nav, permission: 'person.read' },
      { to: '/signalements/nouveau', label: messages.nav.newReferral, permission: 'referral.create' },
      { to: '/signalements', label: messages.nav.referrals, permission: 'referral.create' },
      { to: '/parcours', label: messages.nav.pathways, permission: 'pathway.read' },
      { to: '/taches', label: messages.nav.tasks, permission: 'pathway.read' },
      { to: '/syntheses', label: messages.nav.caseReviews, permission: 'pathway.read' },
      { to: '/logements', label: messages.housing.nav.supply, permission: 'housing.read' },
      { to: '/charte', label: messages.housing.nav.charter, permission: 'housing.read' },
      { to: '/residences', label: messages.residences.nav, permission: 'housing.read' },
      { to: '/propositions', label: messages.offers.nav, permission: 'housing.read' },
      { to: '/propositions/rapport', label: messages.offers.reportNav, permission: 'housing.read' },
      { to: '/demandes-logement', label: messages.applications.nav, permission: 'pathway.write' },
      { to: '/lieux-utiles', label: messages.applications.poiNav, permission: 'housing.manage' },
      { to: '/plafonds-admission', label: messages.applications.eligibilityNav, permission: 'housing.manage' },
      { to: '/hors-ligne', label: messages.offline.nav, permission: 'person.write' },
      { to: '/essais/suivis', label: messages.trials.nav.followUps, permission: 'trial.write' },
      { to: '/catalogue', label: messages.catalogue.nav.catalogue, permission: 'catalogue.read' },
      { to: '/showroom', label: messages.catalogue.nav.showroom, permission: 'catalogue.read' },
      { to: '/financements/simulateur', label: messages.fundingRules.simulator.nav, permission: 'funding.read' },
      { to: '/financements/aides-locales', label: messages.fundingRules.localAids.nav, permission: 'funding.read' },
      { to: '/financements/parametres', label: messages.fundingRules.parameters.nav, permission: 'funding.read' },
    ],
  },
  {
    label: messages.nav.steering,
    items: [
      { to: '/indicateurs', label: messages.nav.indicators, permission: 'observatory.read' },
      { to: '/observatoire/aides-techniques', label: messages.trials.nav.observatory, permission: 'observatory.read' },
    ],
  },
  {
    label: messages.nav.administration,
    items: [
      { to: '/admin/organisations', label: messages.nav.organizations, permission: 'organization.read' },
      { to: '/admin/utilisateurs', label: messages.nav.users, permission: 'user.read' },
      { to: '/admin/etapes-parcours', label: messages.pathways.ui.stagesAdminTitle, permission: 'workspace.admin' },
      { to: '/admin/formulaires', label: messages.forms.builder.navLabel, permission: 'workspace.admin' },
      { to: '/admin/audit', label: messages.nav.audit, permission: 'audit.read' },
    ],
  },
];

export const visibleNavigation = (can: (p: Permission) => boolean) =>
  navigation
    .map((section) => ({ ...section, items: section.items.filter((i) => !i.permission || can(i.permission)) }))
    .filter((section) => section.items.length > 0);
