import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { CommuneFieldComponent } from '#src/shared/ui/form.tsx';
import { onDemand } from '#src/shared/ui/on-demand.tsx';

const SupplyPage = lazy(() =>
  import('#src/modules/housing/ui/supply-page.tsx').then((m) => ({ default: m.SupplyPage })),
);
const ProgrammePage = lazy(() =>
  import('#src/modules/housing/ui/programme-page.tsx').then((m) => ({ default: m.ProgrammePage })),
);
const ProgrammeFormPage = lazy(() =>
  import('#src/modules/housing/ui/programme-form-page.tsx').then((m) => ({ default: m.ProgrammeFormPage })),
);
const BuildingFormPage = lazy(() =>
  import('#src/modules/housing/ui/building-form-page.tsx').then((m) => ({ default: m.BuildingFormPage })),
);
const UnitPage = lazy(() => import('#src/modules/housing/ui/unit-page.tsx').then((m) => ({ default: m.UnitPage })));
const UnitFormPage = lazy(() =>
  import('#src/modules/housing/ui/unit-form-page.tsx').then((m) => ({ default: m.UnitFormPage })),
);
const LandlordsPage = lazy(() =>
  import('#src/modules/housing/ui/landlords-page.tsx').then((m) => ({ default: m.LandlordsPage })),
);
const LandlordPage = lazy(() =>
  import('#src/modules/housing/ui/landlords-page.tsx').then((m) => ({ default: m.LandlordPage })),
);
const ProfileFormPage = lazy(() =>
  import('#src/modules/housing/ui/landlord-forms.tsx').then((m) => ({ default: m.ProfileFormPage })),
);
const ContactFormPage = lazy(() =>
  import('#src/modules/housing/ui/landlord-forms.tsx').then((m) => ({ default: m.ContactFormPage })),
);
const CharterFormPage = lazy(() =>
  import('#src/modules/housing/ui/charter-form-page.tsx').then((m) => ({ default: m.CharterFormPage })),
);
const CharterPage = lazy(() =>
  import('#src/modules/housing/ui/charter-page.tsx').then((m) => ({ default: m.CharterPage })),
);

/** The pages of this module, mounted inside the signed-in shell; the commune picker comes from the platform. */
export const housingPages = ({ CommuneField }: { CommuneField: CommuneFieldComponent }): RouteObject[] => [
  { path: 'logements', element: onDemand(<SupplyPage CommuneField={CommuneField} />) },
  { path: 'logements/programmes/nouveau', element: onDemand(<ProgrammeFormPage CommuneField={CommuneField} />) },
  { path: 'logements/programmes/:id', element: onDemand(<ProgrammePage />) },
  {
    path: 'logements/programmes/:id/modifier',
    element: onDemand(<ProgrammeFormPage CommuneField={CommuneField} />),
  },
  { path: 'logements/programmes/:programmeId/nouveau-batiment', element: onDemand(<BuildingFormPage />) },
  {
    path: 'logements/programmes/:programmeId/batiments/:buildingId/modifier',
    element: onDemand(<BuildingFormPage />),
  },
  { path: 'logements/programmes/:programmeId/nouveau-logement', element: onDemand(<UnitFormPage />) },
  { path: 'logements/:id', element: onDemand(<UnitPage />) },
  { path: 'logements/:id/modifier', element: onDemand(<UnitFormPage />) },
  { path: 'bailleurs', element: onDemand(<LandlordsPage />) },
  { path: 'bailleurs/:id', element: onDemand(<LandlordPage />) },
  { path: 'bailleurs/:id/profil', element: onDemand(<ProfileFormPage />) },
  { path: 'bailleurs/:id/contacts/nouveau', element: onDemand(<ContactFormPage />) },
  { path: 'bailleurs/:id/contacts/:contactId', element: onDemand(<ContactFormPage />) },
  { path: 'bailleurs/:id/charte', element: onDemand(<CharterFormPage />) },
  { path: 'charte', element: onDemand(<CharterPage />) },
];
