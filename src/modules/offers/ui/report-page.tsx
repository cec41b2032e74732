import { Fragment, useState } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';
import { barsPlot, Figure, formatNumber } from '#src/shared/ui/figure.tsx';
import { Alert, Page } from '#src/shared/ui/page.tsx';
import { useApi } from '#src/shared/ui/use-api.ts';
import type { OfferReport, ReportTable } from '#src/modules/offers/api/report.schema.ts';

const t = messages.offers;
const u = t.ui;
type Row = ReportTable['rows'][number];

const shown = (v: number | null) => (v === null ? t.suppressed : formatNumber(v));

/**
 * One table as a chart of its first column holding a published count (withheld cells left out of the bars),
 * with the full table; when every cell is withheld, no chart at all: the figures are too small to show.
 */
function ReportFigure({ table }: { table: ReportTable }) {
  const charted = table.columns.findIndex((_, i) => table.rows.some((r) => r.cells[i] != null));
  const bars = table.rows
    .filter((r) => r.cells[charted] != null)
    .map((r) => ({ label: r.label, value: r.cells[charted]! }));
  const hasSuppressed = table.rows.some((r) => r.cells.some((c) => c === null));
  return (
    <Figure<Row>
      title={table.title}
      summary={u.figureSummary(table.title, table.rows.length)}
      note={hasSuppressed && charted >= 0 ? u.suppressedNote : undefined}
      plot={barsPlot(bars, table.columns[charted] ?? '')}
      columns={[
        { label: t.report.columns.label, value: (r) => r.label },
        ...table.columns.map((c, i) => ({ label: c, value: (r: Row) => shown(r.cells[i] ?? null), numeric: true })),
      ]}
      rows={charted >= 0 ? table.rows : []}
      empty={table.rows.length > 0 ? u.allSuppressed : u.noData}
    />
  );
}

/** Refusal analytics and the demand of qualified seniors, anonymous, for landlords and the CCAS. */
export function ReportPage() {
  const [landlordId, setLandlordId] = useState('');
  const [chosen, setChosen] = useState('');
  const query = chosen ? `?${new URLSearchParams({ landlordId: chosen })}` : '';
  const { state } = useApi<OfferReport>(`/api/offer-reports${query}`);
  return (
    <Page title={u.reportTitle} lead={u.reportLead}>
      {state.status === 'loading' && <p role="status">{messages.app.loading}</p>}
      {state.status === 'error' && <Alert kind="error">{state.error.message}</Alert>}
      {state.status === 'ready' && (
        <>
          {state.data.landlords.length > 1 && (
            <form
              className="offers-filter"
              onSubmit={(e) => {
                e.preventDefault();
                setChosen(landlordId);
              }}
            >
              <div className="field">
                <label htmlFor="report-landlord">{u.landlordFilter}</label>
                <select id="report-landlord" value={landlordId} onChange={(e) => setLandlordId(e.target.value)}>
                  <option value="">{u.allLandlords}</option>
                  {state.data.landlords.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button">
                {u.show}
              </button>
            </form>
          )}
          <section aria-labelledby="report-indicators" className="panel">
            <h2 id="report-indicators">{u.indicatorsTitle}</h2>
            <dl className="facts">
              {state.data.indicators.map((i) => (
                <Fragment key={i.key}>
                  <dt>{i.label}</dt>
                  <dd>{i.value ?? t.suppressed}</dd>
                </Fragment>
              ))}
            </dl>
            <p>
              {u.downloads} : <a href={`/api/offer-reports/report.csv${query}`}>{u.csv}</a> —{' '}
              <a href={`/api/offer-reports/report.xlsx${query}`}>{u.xlsx}</a>
            </p>
          </section>
          {state.data.tables.map((table) => (
            <ReportFigure key={table.key} table={table} />
          ))}
        </>
      )}
    </Page>
  );
}
