import { useMemo } from 'react';
import { parisDay } from '#src/shared/time/paris.ts';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { messages } from '#src/shared/i18n/fr.ts';
import { barsPlot, Figure, type FigureColumn } from '#src/shared/ui/figure.tsx';
import { ErrorSummary, SelectField, SubmitButton, TextField, useForm } from '#src/shared/ui/form.tsx';
import { Alert, formatDate, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import {
  periodPresets,
  periodQuerySchema,
  presetPeriod,
  type Indicators,
  type Period,
  type PersonsByKey,
  type PeriodPreset,
} from '#src/modules/observatory/api/indicators.schema.ts';

const t = messages.indicators;
const CUSTOM = 'custom';
type Choice = PeriodPreset | typeof CUSTOM;
const DEFAULT_PRESET: PeriodPreset = 'twelveMonths';

const isPreset = (value: string | null): value is PeriodPreset =>
  (periodPresets as readonly string[]).includes(value ?? '');

/** The period in the address (?periode=… or ?du=…&au=…), so a view can be bookmarked and shared. */
function periodFromAddress(params: URLSearchParams, today: string): { choice: Choice; period: Period } {
  const from = params.get('du');
  const to = params.get('au');
  if (params.get('periode') === CUSTOM && from && to) return { choice: CUSTOM, period: { from, to } };
  const preset = isPreset(params.get('periode')) ? (params.get('periode') as PeriodPreset) : DEFAULT_PRESET;
  return { choice: preset, period: presetPeriod(preset, today) };
}

// The route's own period check, applied to the dates only when the user picks them.
const periodFormSchema = z
  .object({ choice: z.string(), from: z.string(), to: z.string() })
  .superRefine((values, ctx) => {
    if (values.choice !== CUSTOM) return;
    const checked = periodQuerySchema.safeParse(values);
    for (const issue of checked.error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

export function IndicatorsPage() {
  const [params, setParams] = useSearchParams();
  const today = parisDay(new Date());
  const { choice, period } = periodFromAddress(params, today);
  const { state } = useApi<Indicators>(`/api/indicators?${new URLSearchParams(period)}`);

  const form = useForm({
    initial: { choice, from: period.from, to: period.to },
    schema: periodFormSchema,
    submit: async (values) => {
      setParams(
        values.choice === CUSTOM ? { periode: CUSTOM, du: values.from, au: values.to } : { periode: values.choice },
      );
    },
  });

  const choiceOptions = ([...periodPresets, CUSTOM] as const).map((value) => ({
    value,
    label: t.period.presets[value],
  }));

  return (
    <Page title={t.title} lead={t.lead}>
      <form onSubmit={form.onSubmit} noValidate className="form form--inline panel" aria-label={t.period.legend}>
        <ErrorSummary form={form} labels={{ choice: t.period.preset, from: t.period.from, to: t.period.to }} />
        <SelectField form={form} name="choice" label={t.period.preset} options={choiceOptions} />
        {form.values.choice === CUSTOM && (
          <>
            <TextField form={form} name="from" label={t.period.from} type="date" required />
            <TextField form={form} name="to" label={t.period.to} type="date" required />
          </>
        )}
        <SubmitButton submitting={form.submitting}>{t.period.show}</SubmitButton>
      </form>
      <p className="indicators__period" role="status">
        {t.period.shown(formatDate(period.from), formatDate(period.to))}
      </p>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && <IndicatorFigures data={state.data} />}
      {state.status === 'ready' && <HomeVisitFigures data={state.data.homeVisitDifficulties} period={period} />}
    </Page>
  );
}

type Bar = { label: string; value: number };
const labelled = (rows: { key: string; count: number }[], labels: Record<string, string>): Bar[] =>
  rows.map((r) => ({ label: labels[r.key] ?? (r.key || t.notRecorded), value: r.count }));
const total = (bars: Bar[]) => bars.reduce((sum, b) => sum + b.value, 0);
/** The largest bar, the first one on a tie. */
const largest = (bars: Bar[]) => bars.reduce<Bar | null>((best, b) => (best && best.value >= b.value ? best : b), null);

const monthLabel = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const formatMonth = (month: string) => monthLabel.format(new Date(`${month}-01T00:00:00Z`));

const columns = (category: string, value: string): FigureColumn<Bar>[] => [
  { label: category, value: (b) => b.label },
  { label: value, value: (b) => b.value, numeric: true },
];

/** A count by category: summary from the total and the largest bar. */
function CountFigure({
  figure,
  bars,
  category,
  value,
  note,
}: {
  /** Its title and the sentence that sums it up, from the catalogue. */
  figure: { title: string; summary: (total: number, top: string | null, topCount: number) => string };
  bars: Bar[];
  category: string;
  value: string;
  note?: string;
}) {
  const plot = useMemo(() => barsPlot(bars, value), [bars, value]);
  const top = largest(bars);
  return (
    <Figure
      title={figure.title}
      summary={figure.summary(total(bars), top?.label ?? null, top?.value ?? 0)}
      plot={plot}
      columns={columns(category, value)}
      rows={bars}
      empty={t.empty}
      note={note}
    />
  );
}

function IndicatorFigures({ data }: { data: Indicators }) {
  const f = t.figures;
  const c = t.columns;
  const bars = useMemo(
    () => ({
      referrals: labelled(data.referralsByChannel, messages.entryChannels),
      decisions: labelled(data.referralDecisions, messages.referrals.statuses),
      referralReasons: labelled(data.referralClosureReasons, messages.referrals.closureReasons),
      entries: labelled(data.entriesByChannel, messages.entryChannels),
      months: data.entriesByMonth.map((m) => ({ label: formatMonth(m.month), value: m.count })),
      stages: data.pathwaysByStage.map((s) => ({ label: s.label, value: s.count })),
      medians: data.medianDaysPerStage.map((s) => ({ label: s.label, value: s.medianDays })),
      outcomes: labelled(data.outcomes, messages.pathways.outcomes),
      reasons: labelled(data.closureReasons, messages.pathways.closureReasons),
    }),
    [data],
  );
  const medianPlot = useMemo(() => barsPlot(bars.medians, c.medianDays), [bars.medians, c.medianDays]);
  const monthsPlot = useMemo(() => barsPlot(bars.months, c.pathways), [bars.months, c.pathways]);
  const longest = largest(bars.medians);
  const busiest = largest(bars.months);
  const medianColumns: FigureColumn<Indicators['medianDaysPerStage'][number]>[] = [
    { label: c.stage, value: (s) => s.label },
    { label: c.medianDays, value: (s) => s.medianDays, numeric: true },
    { label: c.visits, value: (s) => s.visits, numeric: true },
  ];

  return (
    <div className="indicators">
      <CountFigure figure={f.referralsByChannel} bars={bars.referrals} category={c.channel} value={c.referrals} />
      <CountFigure figure={f.referralDecisions} bars={bars.decisions} category={c.decision} value={c.referrals} />
      <CountFigure
        figure={f.referralClosureReasons}
        bars={bars.referralReasons}
        category={c.closureReason}
        value={c.referrals}
      />
      <CountFigure figure={f.entriesByChannel} bars={bars.entries} category={c.channel} value={c.pathways} />
      <Figure
        title={f.entriesByMonth.title}
        summary={f.entriesByMonth.summary(
          total(bars.months),
          bars.months.length,
          busiest?.label ?? null,
          busiest?.value ?? 0,
        )}
        plot={monthsPlot}
        columns={columns(c.month, c.pathways)}
        rows={total(bars.months) === 0 ? [] : bars.months}
        empty={t.empty}
      />
      <CountFigure
        figure={f.pathwaysByStage}
        bars={bars.stages}
        category={c.stage}
        value={c.pathways}
        note={t.snapshot}
      />
      <Figure
        title={f.medianDaysPerStage.title}
        summary={f.medianDaysPerStage.summary(longest?.label ?? null, longest?.value ?? 0)}
        plot={medianPlot}
        columns={medianColumns}
        rows={data.medianDaysPerStage}
        empty={t.empty}
      />
      <CountFigure figure={f.outcomes} bars={bars.outcomes} category={c.outcome} value={c.pathways} />
      <CountFigure figure={f.closureReasons} bars={bars.reasons} category={c.closureReason} value={c.pathways} />
    </div>
  );
}

/** What the submitted home-visit forms record: persons by difficulty, then by room, and the same as CSV. */
function HomeVisitFigures({ data, period }: { data: Indicators['homeVisitDifficulties']; period: Period }) {
  const h = t.homeVisits;
  const c = t.columns;
  const bars = useMemo(
    () => ({
      difficulties: data.byDifficulty.map((d) => ({ label: d.label, value: d.persons })),
      rooms: data.byRoom.map((r) => ({ label: r.label, value: r.persons })),
    }),
    [data],
  );
  const difficultiesPlot = useMemo(() => barsPlot(bars.difficulties, c.persons), [bars.difficulties, c.persons]);
  const roomsPlot = useMemo(() => barsPlot(bars.rooms, c.persons), [bars.rooms, c.persons]);
  const personColumns = (category: string): FigureColumn<PersonsByKey>[] => [
    { label: category, value: (d) => d.label },
    { label: c.persons, value: (d) => d.persons, numeric: true },
  ];
  const [topDifficulty] = data.byDifficulty;
  const [topRoom] = data.byRoom;
  return (
    <div className="indicators">
      <Figure
        title={h.difficulties.title}
        summary={h.difficulties.summary(
          data.persons,
          data.responses,
          topDifficulty?.label ?? null,
          topDifficulty?.persons ?? 0,
        )}
        note={h.note}
        plot={difficultiesPlot}
        columns={personColumns(c.difficulty)}
        rows={data.byDifficulty}
        empty={t.empty}
      />
      <Figure
        title={h.rooms.title}
        summary={h.rooms.summary(topRoom?.label ?? null, topRoom?.persons ?? 0)}
        note={h.note}
        plot={roomsPlot}
        columns={personColumns(c.room)}
        rows={data.byRoom}
        empty={t.empty}
      />
      <p>
        <a
          className="button"
          href={`/api/indicators/home-visit-difficulties.csv?${new URLSearchParams(period)}`}
          download
        >
          {h.download}
        </a>
      </p>
    </div>
  );
}
