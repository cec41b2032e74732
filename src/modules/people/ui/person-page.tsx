import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { MergedPerson, PersonFile } from '#src/modules/people/api/person.schema.ts';
import { PersonCaseTeam } from '#src/modules/people/ui/person-case-team.tsx';
import { PersonConsents } from '#src/modules/people/ui/person-consents.tsx';
import { fieldSections } from '#src/modules/people/ui/person-fields.ts';
import { listSections, PersonListSection } from '#src/modules/people/ui/person-list-section.tsx';
import { PersonMerge } from '#src/modules/people/ui/person-merge.tsx';
import type { CommuneFieldComponent } from '#src/shared/ui/form.tsx';
import { PersonSection } from '#src/modules/people/ui/person-section.tsx';

const t = messages.people.ui;

function PersonFileView({
  loaded,
  reload,
  CommuneField,
}: {
  loaded: PersonFile;
  reload: () => void;
  CommuneField: CommuneFieldComponent;
}) {
  // A section write answers with the whole file, shown at once; consents and merges reload it.
  const [override, setOverride] = useState<PersonFile | null>(null);
  const file = override ?? loaded;
  const refresh = () => {
    setOverride(null);
    reload();
  };
  const { state: landlords } = useApi<{ items: { id: string; name: string }[] }>(
    file.canWrite ? '/api/people/landlords' : null,
  );
  const context = { CommuneField, landlords: landlords.status === 'ready' ? landlords.data.items : [] };
  const fullName = `${file.firstName} ${file.lastName}`;
  return (
    <Page title={messages.people.fileTitle(fullName)} lead={t.ownedBy(file.owningOrganization.name)}>
      <nav aria-label={t.pathways} className="person-links">
        <Link to={`/parcours?${new URLSearchParams({ personne: file.id })}`}>{t.pathways}</Link>
        <Link to={`/personnes/${file.id}/formulaires`}>{messages.forms.ui.personLink}</Link>
        <Link to={`/personnes/${file.id}/essais`}>{messages.trials.ui.personLink}</Link>
        {file.canWrite && (
          <Link
            className="button button--primary"
            to={`/parcours/nouveau?${new URLSearchParams({ personne: file.id })}`}
          >
            {t.openPathway}
          </Link>
        )}
        {/* The GIR is health data: the grid is offered only to readers of the sensitive fields. */}
        {file.canWrite && 'gir' in file && (
          <Link to={`/personnes/${file.id}/aggir`}>{messages.assessments.evaluate}</Link>
        )}
      </nav>
      {fieldSections.map((section) => (
        <PersonSection key={section.name} file={file} section={section} context={context} onChange={setOverride} />
      ))}
      {listSections.map((def) => (
        <PersonListSection key={def.name} file={file} def={def} onChange={setOverride} />
      ))}
      <PersonConsents file={file} onChange={refresh} />
      {/* A consent recorded or withdrawn may change the team: the list is fetched again. */}
      <PersonCaseTeam
        key={`${file.consents.length}-${file.consents.filter((c) => c.withdrawnOn).length}`}
        file={file}
      />
      {file.canWrite && <PersonMerge file={file} onMerged={refresh} />}
    </Page>
  );
}

/** A person's file; a file absorbed by a merge sends the user to the file that kept its records. */
export function PersonPage({ CommuneField }: { CommuneField: CommuneFieldComponent }) {
  const { id = '' } = useParams();
  const { state: result, reload } = useApi<PersonFile | MergedPerson>(`/api/people/${encodeURIComponent(id)}`);
  if (result.status === 'loading') return <p role="status">{messages.app.loading}</p>;
  if (result.status === 'error') {
    return (
      <Page title={result.error.status === 404 ? messages.errors.pageNotFound : messages.errors.unexpected}>
        <Alert kind="error">{result.error.message}</Alert>
      </Page>
    );
  }
  const data = result.data;
  if (data.mergedIntoId) return <Navigate to={`/personnes/${data.mergedIntoId}`} replace />;
  return <PersonFileView key={data.id} loaded={data as PersonFile} reload={reload} CommuneField={CommuneField} />;
}
