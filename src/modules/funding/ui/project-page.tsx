import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { api, ApiError } from '#src/shared/ui/api.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDate, formatDateTime, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { notice, NoticeBanner, type Notice } from '#src/shared/ui/notice.tsx';
import { useCan } from '#src/shared/ui/permissions.tsx';
import { parisDay } from '#src/shared/time/paris.ts';
import {
  nextStatuses,
  tenures,
  vatRateKeys,
  type ApplicationView,
  type PlanView,
  type ProjectView,
  type QuoteView,
} from '#src/modules/funding/api/funding.schema.ts';

const f = messages.funding;
const p = f.pages;
const euros = f.euros;
const today = () => parisDay(new Date());

function QuoteComparison({ quotes }: { quotes: QuoteView[] }) {
  if (quotes.length === 0) return <p>{p.noQuotes}</p>;
  const rows: [string, (q: QuoteView) => string][] = [
    [p.issuedOn, (q) => formatDate(q.issuedOn)],
    [p.lines, (q) => q.lines.map((l) => `${l.label} (${euros(l.inclTaxCents)})`).join(' ; ')],
    [p.exclTax, (q) => euros(q.exclTaxCents)],
    [p.vat, (q) => euros(q.vatCents)],
    [p.inclTax, (q) => euros(q.inclTaxCents)],
    [p.eligible, (q) => euros(q.eligibleExclTaxCents)],
  ];
  return (
    <div className="table-scroll">
      <table className="funding-comparison">
        <caption>{p.comparisonCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.supplier}</th>
            {quotes.map((q) => (
              <th scope="col" key={q.id}>
                {q.supplier}
                {q.reference ? ` — ${q.reference}` : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, cell]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {quotes.map((q) => (
                <td key={q.id}>{cell(q)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const lineFields = ['label', 'quantity', 'unitPriceExclTax', 'vatRate', 'eligibleWorks'] as const;
const lineKey = (i: number, field: (typeof lineFields)[number]) => `line${i}_${field}`;

/** The API names a line's field `lines.2.unitPriceExclTax`; the form's field for it is `line2_unitPriceExclTax`. */
async function withLineIssuesOnFields(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const issues = error.issues.map((i) => ({ ...i, path: i.path.replace(/^lines\.(\d+)\.(\w+).*$/, 'line$1_$2') }));
    throw new ApiError(error.status, error.code, error.message, issues, error.details);
  }
}

const lineFieldLabels = {
  label: p.lineLabel,
  quantity: p.quantity,
  unitPriceExclTax: p.unitPrice,
  vatRate: p.vatRate,
  eligibleWorks: p.eligibleWorks,
} satisfies Record<(typeof lineFields)[number], string>;
const lineLabels = (count: number): Record<string, string> =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) =>
      lineFields.map((field): [string, string] => [
        lineKey(i, field),
        `${p.lineLegend(i + 1)} — ${lineFieldLabels[field]}`,
      ]),
    ).flat(),
  );

/** French typing of whole numbers ("16 000"): the spaces are only for reading. */
const withoutSpaces = (text: string) => text.replace(/[\s\u00a0\u202f]/g, '');

function QuoteForm({ project, onSaved }: { project: ProjectView; onSaved: () => void }) {
  const [count, setCount] = useState(1);
  const blankLine = (i: number) =>
    Object.fromEntries(
      lineFields.map((field) => [
        lineKey(i, field),
        field === 'vatRate' ? 'renovation' : field === 'eligibleWorks' ? 'true' : '',
      ]),
    );
  const form = useForm<Record<string, string>>({
    initial: {
      supplierOrganizationId: '',
      supplierName: '',
      reference: '',
      issuedOn: today(),
      statedExclTax: '',
      statedInclTax: '',
      ...blankLine(0),
    },
    submit: async (v) => {
      const lines = Array.from({ length: count }, (_, i) => ({
        label: v[lineKey(i, 'label')] ?? '',
        quantity: v[lineKey(i, 'quantity')] ?? '',
        unitPriceExclTax: v[lineKey(i, 'unitPriceExclTax')] ?? '',
        vatRate: v[lineKey(i, 'vatRate')],
        eligibleWorks: v[lineKey(i, 'eligibleWorks')] === 'true',
      }));
      await withLineIssuesOnFields(
        api(`/api/funding/projects/${project.id}/quotes`, {
          body: {
            supplierOrganizationId: v.supplierOrganizationId,
            supplierName: v.supplierName,
            reference: v.reference,
            issuedOn: v.issuedOn,
            statedExclTax: v.statedExclTax,
            statedInclTax: v.statedInclTax,
            lines,
          },
        }),
      );
      onSaved();
    },
  });
  // The keyboard goes on to the line added, or back to the last line kept.
  const focusLine = (i: number) =>
    requestAnimationFrame(() => document.getElementById(form.idFor(lineKey(i, 'label')))?.focus());
  const addLine = () => {
    for (const [key, value] of Object.entries(blankLine(count))) form.setValue(key, value);
    setCount((c) => c + 1);
    focusLine(count);
  };
  const removeLastLine = () => {
    setCount((c) => c - 1);
    focusLine(count - 2);
  };
  const yesNo = [
    { value: 'true', label: p.yes },
    { value: 'false', label: p.no },
  ];
  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby="funding-quote-title">
      <h3 id="funding-quote-title">{p.addQuote}</h3>
      <ErrorSummary
        form={form}
        labels={{
          supplierName: p.supplierName,
          supplierOrganizationId: p.supplierOrganization,
          issuedOn: p.issuedOn,
          lines: p.lines,
          statedExclTax: p.statedExclTax,
          statedInclTax: p.statedInclTax,
          ...lineLabels(count),
        }}
      />
      <SelectField
        form={form}
        name="supplierOrganizationId"
        label={p.supplierOrganization}
        options={[
          { value: '', label: p.noOrganization },
          ...project.organizations.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <TextField form={form} name="supplierName" label={p.supplierName} maxLength={200} />
      <TextField form={form} name="reference" label={p.reference} maxLength={100} />
      <TextField form={form} name="issuedOn" label={p.issuedOn} type="date" required />
      {form.fieldErrors.lines && (
        <p className="field-error" id={form.idFor('lines')}>
          {form.fieldErrors.lines}
        </p>
      )}
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i} className="funding-line">
          <legend>{p.lineLegend(i + 1)}</legend>
          <TextField form={form} name={lineKey(i, 'label')} label={lineFieldLabels.label} required maxLength={300} />
          {(['quantity', 'unitPriceExclTax'] as const).map((field) => (
            <TextField
              key={field}
              form={form}
              name={lineKey(i, field)}
              label={lineFieldLabels[field]}
              inputMode="text"
              required
            />
          ))}
          <SelectField
            form={form}
            name={lineKey(i, 'vatRate')}
            label={lineFieldLabels.vatRate}
            options={vatRateKeys.map((k) => ({ value: k, label: f.vatRates[k] }))}
          />
          <SelectField
            form={form}
            name={lineKey(i, 'eligibleWorks')}
            label={lineFieldLabels.eligibleWorks}
            options={yesNo}
          />
        </fieldset>
      ))}
      <div className="actions funding-line-actions">
        <button type="button" className="button button--secondary" onClick={addLine}>
          {p.addLine}
        </button>
        {count > 1 && (
          <button type="button" className="button button--secondary" onClick={removeLastLine}>
            {p.removeLine(count)}
          </button>
        )}
      </div>
      <TextField form={form} name="statedExclTax" label={p.statedExclTax} inputMode="text" />
      <TextField form={form} name="statedInclTax" label={p.statedInclTax} inputMode="text" />
      <SubmitButton submitting={form.submitting}>{p.saveQuote}</SubmitButton>
    </form>
  );
}

function PlanForm({ project, onSaved }: { project: ProjectView; onSaved: () => void }) {
  const form = useForm({
    initial: {
      quoteId: project.quotes.at(-1)?.id ?? '',
      filingOn: today(),
      paymentOn: today(),
      age: project.household.age === null ? '' : String(project.household.age),
      gir: project.household.gir === null ? '' : String(project.household.gir),
      householdSize: '',
      referenceTaxIncome: '',
      inIleDeFrance: '',
      tenure: '',
      mpaWorksLast5Years: '',
    },
    submit: async (v) => {
      const { age, householdSize, referenceTaxIncome, mpaWorksLast5Years } = v;
      await api(`/api/funding/projects/${project.id}/plans`, {
        body: {
          ...v,
          age: withoutSpaces(age),
          householdSize: withoutSpaces(householdSize),
          referenceTaxIncome: withoutSpaces(referenceTaxIncome),
          mpaWorksLast5Years: withoutSpaces(mpaWorksLast5Years),
        },
      });
      onSaved();
    },
  });
  const unknown = { value: '', label: p.unknown };
  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby="funding-plan-form-title">
      <h3 id="funding-plan-form-title">{p.computePlan}</h3>
      <ErrorSummary
        form={form}
        labels={{
          quoteId: p.chosenQuote,
          filingOn: p.filingOn,
          paymentOn: p.paymentOn,
          age: p.age,
          gir: p.gir,
          householdSize: p.householdSize,
          referenceTaxIncome: p.income,
          inIleDeFrance: p.inIleDeFrance,
          tenure: p.tenure,
          mpaWorksLast5Years: p.mpaUsed,
        }}
      />
      <SelectField
        form={form}
        name="quoteId"
        label={p.chosenQuote}
        options={project.quotes.map((q) => ({ value: q.id, label: `${q.supplier} — ${euros(q.inclTaxCents)}` }))}
      />
      <TextField form={form} name="filingOn" label={p.filingOn} type="date" required />
      <TextField form={form} name="paymentOn" label={p.paymentOn} type="date" required />
      <fieldset>
        <legend>{p.householdLegend}</legend>
        <TextField form={form} name="age" label={p.age} inputMode="numeric" />
        <SelectField
          form={form}
          name="gir"
          label={p.gir}
          options={[unknown, ...['1', '2', '3', '4', '5', '6'].map((g) => ({ value: g, label: g }))]}
        />
        <TextField form={form} name="householdSize" label={p.householdSize} inputMode="numeric" />
        <TextField form={form} name="referenceTaxIncome" label={p.income} inputMode="numeric" />
        <SelectField
          form={form}
          name="inIleDeFrance"
          label={p.inIleDeFrance}
          options={[unknown, { value: 'true', label: p.yes }, { value: 'false', label: p.no }]}
        />
        <SelectField
          form={form}
          name="tenure"
          label={p.tenure}
          options={[unknown, ...tenures.map((k) => ({ value: k, label: f.tenures[k] }))]}
        />
        <TextField form={form} name="mpaWorksLast5Years" label={p.mpaUsed} inputMode="numeric" />
      </fieldset>
      <SubmitButton submitting={form.submitting}>{p.computePlan}</SubmitButton>
    </form>
  );
}

function PlanFigures({ plan }: { plan: PlanView }) {
  const figures = plan.figures;
  return (
    <section aria-labelledby="funding-plan-title">
      <h3 id="funding-plan-title">{p.savedOn(formatDateTime(plan.createdAt))}</h3>
      <div className="table-scroll">
        <table>
          <caption>{p.aidsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{p.aid}</th>
              <th scope="col">{p.funder}</th>
              <th scope="col">{p.status}</th>
              <th scope="col">{p.computed}</th>
              <th scope="col">{p.share}</th>
              <th scope="col">{p.why}</th>
            </tr>
          </thead>
          <tbody>
            {figures.lines.map((l) => (
              <tr key={l.aid}>
                <th scope="row">{l.title}</th>
                <td>{l.funder}</td>
                <td>
                  {f.aidStatuses[l.status]}
                  {l.status !== 'not_eligible' && !l.certain && !l.monthly ? ` — ${p.toConfirm}` : ''}
                </td>
                <td>{l.amountCents === null ? '—' : euros(l.amountCents)}</td>
                <td>
                  {l.monthly ? p.monthly : l.deferred ? `${euros(l.shareCents)} (${p.deferred})` : euros(l.shareCents)}
                </td>
                <td>
                  <ul className="funding-why">
                    {l.failedConditions.length > 0 && <li>{p.failed(l.failedConditions.join(', '))}</li>}
                    {l.missingInputs.length > 0 && <li>{p.missing(l.missingInputs.join(', '))}</li>}
                    {l.uncertainParameters.map((u) => (
                      <li key={u.id}>{p.uncertainParameter(u.label)}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <table>
        <caption>{p.summaryCaption}</caption>
        <tbody>
          {(
            [
              [p.cost, figures.costInclTaxCents],
              [p.secured, figures.securedCents],
              [p.toConfirmTotal, figures.toConfirmCents],
              [p.outOfPocket, figures.outOfPocketCents],
              [p.outOfPocketIfConfirmed, figures.outOfPocketIfConfirmedCents],
              [p.deferredTotal, figures.deferredCents],
            ] as const
          ).map(([label, cents]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{euros(cents)}</td>
            </tr>
          ))}
          {figures.mpaBalanceExclTaxCents !== null && (
            <tr>
              <th scope="row">{p.mpaBalance}</th>
              <td>{euros(figures.mpaBalanceExclTaxCents)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

function NewApplication({ plan, existing, onSaved }: { plan: PlanView; existing: string[]; onSaved: () => void }) {
  const open = plan.figures.lines.filter((l) => !l.monthly && !existing.includes(l.aid));
  const form = useForm({
    initial: { aid: open[0]?.aid ?? '', justification: '' },
    submit: async (v) => {
      await api(`/api/funding/plans/${plan.id}/applications`, { body: v });
      onSaved();
    },
  });
  if (open.length === 0) return null;
  return (
    <form onSubmit={form.onSubmit} noValidate aria-labelledby="funding-new-application">
      <h3 id="funding-new-application">{p.createApplication}</h3>
      <ErrorSummary form={form} labels={{ aid: p.aid, justification: p.justification }} />
      <SelectField
        form={form}
        name="aid"
        label={p.aid}
        options={open.map((l) => ({ value: l.aid, label: `${l.title} — ${f.aidStatuses[l.status]}` }))}
      />
      <TextField form={form} name="justification" label={p.justification} maxLength={2000} />
      <SubmitButton submitting={form.submitting}>{p.createApplication}</SubmitButton>
    </form>
  );
}

/** Sends one change of an application on the revision it is at. */
type Write = (send: (revision: number) => Promise<unknown>) => Promise<void>;

function StepForm({
  application,
  write,
  onSaved,
}: {
  application: ApplicationView;
  write: Write;
  onSaved: () => void;
}) {
  const steps = nextStatuses(application.status);
  const form = useForm({
    initial: { status: steps[0] ?? '', occurredOn: today(), granted: '', refusalReason: '', note: '' },
    submit: async (v) => {
      await write((revision) => api(`/api/funding/applications/${application.id}/steps`, { body: { ...v, revision } }));
      onSaved();
    },
  });
  if (steps.length === 0) return null;
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label={`${p.recordStep} — ${application.aidTitle}`}>
      <ErrorSummary
        form={form}
        labels={{
          status: p.nextStep,
          occurredOn: p.occurredOn,
          granted: p.granted,
          refusalReason: p.refusalReason,
          note: p.note,
        }}
      />
      <SelectField
        form={form}
        name="status"
        label={p.nextStep}
        options={steps.map((s) => ({ value: s, label: f.statuses[s] }))}
      />
      <TextField form={form} name="occurredOn" label={p.occurredOn} type="date" required />
      {form.values.status === 'accepted' && (
        <TextField form={form} name="granted" label={p.granted} inputMode="text" required />
      )}
      {form.values.status === 'refused' && (
        <TextField form={form} name="refusalReason" label={p.refusalReason} required maxLength={1000} />
      )}
      <TextField form={form} name="note" label={p.note} maxLength={2000} />
      <SubmitButton submitting={form.submitting}>{p.recordStep}</SubmitButton>
    </form>
  );
}

function ApplicationCard({
  application,
  mayWrite,
  onSaved,
}: {
  application: ApplicationView;
  mayWrite: boolean;
  onSaved: () => void;
}) {
  const [stepNotice, setStepNotice] = useState<Notice | null>(null);
  const [documentsError, setDocumentsError] = useState<string | null>(null);
  // A box shows its new state at once. Writes (boxes, steps) run one after the other, each on the revision the
  // previous one made, which the reload may not have brought yet.
  const [ticked, setTicked] = useState<Partial<Record<string, boolean>>>({});
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const revision = useRef(application.revision);
  useEffect(() => {
    revision.current = Math.max(revision.current, application.revision);
  }, [application.revision]);
  const write: Write = (send) => {
    const done = queue.current.then(async () => {
      await send(revision.current);
      revision.current += 1;
    });
    queue.current = done.catch(() => undefined);
    return done;
  };
  const toggle = (key: string, received: boolean) => {
    setTicked((shown) => ({ ...shown, [key]: received }));
    write((revision) =>
      api(`/api/funding/applications/${application.id}/documents`, {
        method: 'PUT',
        body: { documents: [{ key, received }], revision },
      }),
    ).then(
      () => {
        setDocumentsError(null);
        onSaved();
      },
      (error: unknown) => {
        setTicked((shown) => ({ ...shown, [key]: undefined }));
        setDocumentsError(error instanceof Error ? error.message : String(error));
      },
    );
  };
  const headingId = `funding-application-${application.id}`;
  const delays = p.delays(application.decisionDays, application.paymentDays);
  return (
    <article className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {p.applicationFor(application.aidTitle)} — {f.statuses[application.status]}
      </h3>
      <p>
        {application.funder}
        {application.grantedCents !== null ? ` — ${euros(application.grantedCents)}` : ''}
        {delays ? ` — ${delays}` : ''}
      </p>
      {application.eligibilityWarning && (
        <Alert kind="info">
          {p.warning(application.eligibilityWarning)} {application.justification}
        </Alert>
      )}
      <fieldset>
        <legend>{p.documentsLegend}</legend>
        {documentsError && <Alert kind="error">{documentsError}</Alert>}
        {application.documents.map((d) => (
          <div key={d.key} className="checkbox">
            <input
              type="checkbox"
              id={`${headingId}-${d.key}`}
              checked={ticked[d.key] ?? d.received}
              disabled={!mayWrite}
              onChange={(e) => toggle(d.key, e.target.checked)}
            />
            <label htmlFor={`${headingId}-${d.key}`}>{f.documents[d.key]}</label>
          </div>
        ))}
      </fieldset>
      <h4>{p.timelineTitle}</h4>
      <ol className="funding-timeline">
        {application.timeline.map((e, i) => (
          <li key={i}>
            {formatDate(e.occurredOn)} — {f.statuses[e.status]}
            {e.amountCents !== null ? ` (${euros(e.amountCents)})` : ''}
            {e.note ? ` — ${e.note}` : ''}
            {e.byName ? ` — ${e.byName}` : ''}
          </li>
        ))}
      </ol>
      <NoticeBanner value={stepNotice} />
      {/* A recorded step starts the form afresh on the steps that now follow; the card (and a box's focus) stays. */}
      {mayWrite && (
        <StepForm
          key={`steps-${application.timeline.length}`}
          application={application}
          write={write}
          onSaved={() => {
            setStepNotice(notice(p.stepSaved));
            onSaved();
          }}
        />
      )}
    </article>
  );
}

function FollowUps({ plan }: { plan: PlanView }) {
  return (
    <section className="funding-section" aria-labelledby="funding-follow-ups">
      <h2 id="funding-follow-ups">{p.followUpsTitle}</h2>
      {plan.usageCheckDueOn === null ? (
        <p>{p.followUpsPending}</p>
      ) : (
        <ul>
          <li>
            {plan.taxDeclarationDueOn === null
              ? p.taxCreditNotCounted
              : p.taxDeclarationDue(formatDate(plan.taxDeclarationDueOn))}
          </li>
          <li>{p.usageCheckDue(formatDate(plan.usageCheckDueOn))}</li>
        </ul>
      )}
    </section>
  );
}

type Section = 'quotes' | 'plan' | 'applications';

/** One adaptation project: its quotes side by side, the funding plan, the applications to each funder. */
export function FundingProjectPage() {
  const { projectId = '' } = useParams();
  const { state, reload } = useApi<ProjectView>(`/api/funding/projects/${projectId}`);
  const [saved, setSaved] = useState<{ section: Section; notice: Notice } | null>(null);
  const mayWrite = useCan('funding.write');
  if (state.status === 'loading') return <Page title={p.projectsTitle} />;
  if (state.status === 'error')
    return (
      <Page title={p.projectsTitle}>
        <Alert kind="error">{state.error.message}</Alert>
      </Page>
    );
  const project = state.data;
  const latest = project.plans[0];
  const applications = project.applications.filter((a) => a.planId === latest?.id);
  const onSaved = (section: Section, message: string) => () => {
    setSaved({ section, notice: notice(message) });
    reload();
  };
  const noticeOf = (section: Section) => <NoticeBanner value={saved?.section === section ? saved.notice : null} />;
  return (
    <Page title={`${project.title} — ${project.personName}`}>
      <ul className="funding-links">
        <li>
          <Link to={`/parcours/${project.pathwayId}/financement`}>{p.backToProjects}</Link>
        </li>
        <li>
          <Link to={`/parcours/${project.pathwayId}`}>{p.backToPathway}</Link>
        </li>
      </ul>
      <section className="funding-section" aria-labelledby="funding-quotes">
        <h2 id="funding-quotes">{p.quotesTitle}</h2>
        {noticeOf('quotes')}
        <QuoteComparison quotes={project.quotes} />
        {mayWrite && (
          <QuoteForm
            key={`quotes-${project.quotes.length}`}
            project={project}
            onSaved={onSaved('quotes', p.quoteSaved)}
          />
        )}
      </section>
      <section className="funding-section" aria-labelledby="funding-plan">
        <h2 id="funding-plan">{p.planTitle}</h2>
        <p>{p.planIntro}</p>
        {noticeOf('plan')}
        {latest ? <PlanFigures plan={latest} /> : <p>{p.noPlan}</p>}
        {mayWrite && project.quotes.length > 0 && (
          <PlanForm key={`plans-${project.plans.length}`} project={project} onSaved={onSaved('plan', p.planSaved)} />
        )}
      </section>
      <section className="funding-section" aria-labelledby="funding-applications">
        <h2 id="funding-applications">{p.applicationsTitle}</h2>
        {applications.length === 0 && <p>{p.noApplications}</p>}
        {applications.map((a) => (
          <ApplicationCard key={a.id} application={a} mayWrite={mayWrite} onSaved={reload} />
        ))}
        {noticeOf('applications')}
        {mayWrite && latest && (
          <NewApplication
            key={`applications-${applications.length}`}
            plan={latest}
            existing={applications.map((a) => a.aid)}
            onSaved={onSaved('applications', p.applicationSaved)}
          />
        )}
      </section>
      {latest && <FollowUps plan={latest} />}
    </Page>
  );
}
