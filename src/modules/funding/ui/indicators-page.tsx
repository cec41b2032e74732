import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import { barsPlot, Figure, type FigureColumn } from '#src/shared/ui/figure.tsx';
import { ErrorSummary, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import { parisDay } from '#src/shared/time/paris.ts';
import { periodQuerySchema, type FundingIndicators } from '#src/modules/funding/api/funding.schema.ts';

const f = messages.funding;
const p = f.pages;
type FunderRow = FundingIndicators['byFunder'][number];
type BandRow = FundingIndicators['outOfPocket'][number];

function defaultPeriod() {
  const today = parisDay(new Date());
  return { from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today };
}

function Figures({ data }: { data: FundingIndicators }) {
  const funderPlot = useMemo(
    () =>
      barsPlot(
        data.byFunder.map((r) => ({ label: r.funder, value: r.obtainedCents / 100 })),
        p.obtained,
      ),
    [data],
  );
  const bandPlot = useMemo(
    () =>
      barsPlot(
        data.outOfPocket.map((b) => ({ label: p.bandLabel(b.from, b.to), value: b.plans })),
        p.plans,
      ),
    [data],
  );
  const funderColumns: FigureColumn<FunderRow>[] = [
    { label: p.funder, value: (r) => r.funder },
    { label: p.applicationsCount, value: (r) => r.applications, numeric: true },
    { label: p.requested, value: (r) => f.euros(r.requestedCents) },
    { label: p.obtained, value: (r) => f.euros(r.obtainedCents) },
    { label: p.medianDelay, value: (r) => r.medianDecisionDays ?? '—', numeric: true },
  ];
  const bandColumns: FigureColumn<BandRow>[] = [
    { label: p.band, value: (b) => p.bandLabel(b.from, b.to) },
    { label: p.plans, value: (b) => b.plans, numeric: true },
  ];
  return (
    <div className="indicators">
      <Figure
        title={p.byFunderTitle}
        summary={p.byFunderSummary}
        plot={funderPlot}
        columns={funderColumns}
        rows={data.byFunder}
        empty={p.empty}
      />
      <Figure
        title={p.outOfPocketTitle}
        summary={p.outOfPocketSummary}
        plot={bandPlot}
        columns={bandColumns}
        rows={data.outOfPocket.some((b) => b.plans > 0) ? data.outOfPocket : []}
        empty={p.empty}
      />
    </div>
  );
}

/** Amounts requested and obtained by funder, delays and out-of-pocket amounts over a period. */
export function FundingIndicatorsPage() {
  const [params, setParams] = useSearchParams();
  const fallback = defaultPeriod();
  const period = { from: params.get('du') ?? fallback.from, to: params.get('au') ?? fallback.to };
  const query = new URLSearchParams(period).toString();
  const { state } = useApi<FundingIndicators>(`/api/funding/indicators?${query}`);
  const form = useForm({
    initial: period,
    schema: periodQuerySchema,
    submit: async (v) => setParams({ du: v.from, au: v.to }),
  });
  return (
    <Page title={p.indicatorsTitle}>
      <form onSubmit={form.onSubmit} noValidate aria-label={p.indicatorsTitle}>
        <ErrorSummary form={form} labels={{ from: p.from, to: p.to }} />
        <TextField form={form} name="from" label={p.from} type="date" required />
        <TextField form={form} name="to" label={p.to} type="date" required />
        <SubmitButton submitting={form.submitting}>{p.show}</SubmitButton>
      </form>
      <p>
        <a href={`/api/funding/indicators.csv?${query}`} download>
          {p.csv}
        </a>
      </p>
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && <Figures data={state.data} />}
    </Page>
  );
}
