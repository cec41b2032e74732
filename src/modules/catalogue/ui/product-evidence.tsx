import { messages } from '#src/shared/i18n/fr.ts';
import { useApi } from '#src/shared/ui/use-api.ts';

/** What the product page reads of the usage evidence the trials module serves; a small count may be withheld. */
type Cell = { count: number | null; withheld: boolean };
type Keyed = Cell & { key: string };
type Evidence = {
  trials: Cell;
  outcomes: Keyed[];
  satisfaction: Keyed[];
  reasons: Keyed[];
  followUps: Cell;
  usages: Keyed[];
  abandonmentReasons: Keyed[];
  abandonmentRate: number | null;
  remarks: { triedOn: string; outcome: string; reasonNote: string | null; opinion: string | null }[];
};

const t = messages.trials.evidence;
const e = messages.catalogue.evidence;
const cellText = (c: Cell) => (c.withheld ? t.withheld : String(c.count ?? 0));
const labelOf = (labels: Record<string, string>) => (key: string) => labels[key] ?? key;
const outcomeLabel = labelOf(messages.trials.outcomes);
const ratingLabel = labelOf(messages.trials.satisfaction);
const reasonLabel = labelOf(messages.trials.reasons);
const usageLabel = labelOf(messages.trials.usages);
const abandonmentLabel = labelOf(messages.trials.abandonmentReasons);
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** Most frequent first; withheld cells (under 5) after every shown count, then by label. */
const byCount = (cells: Keyed[], label: (key: string) => string) =>
  [...cells].sort(
    (a, b) =>
      (b.withheld ? 0 : (b.count ?? 0)) - (a.withheld ? 0 : (a.count ?? 0)) ||
      Number(a.withheld) - Number(b.withheld) ||
      label(a.key).localeCompare(label(b.key), 'fr'),
  );

/** The mean rating, only when every rating's count is shown: otherwise it would hint at a withheld one. */
function meanRating(cells: Keyed[]): { mean: number; n: number } | 'withheld' | null {
  if (cells.some((c) => c.withheld)) return 'withheld';
  const n = cells.reduce((sum, c) => sum + (c.count ?? 0), 0);
  if (n === 0) return null;
  return { mean: cells.reduce((sum, c) => sum + Number(c.key) * (c.count ?? 0), 0) / n, n };
}

function CountTable({
  caption,
  keyHeader,
  countHeader,
  rows,
  label,
  sortByCount = false,
}: {
  caption: string;
  keyHeader: string;
  countHeader: string;
  rows: Keyed[];
  label: (key: string) => string;
  /** Reasons read best most frequent first; ratings and usages keep their scale's order. */
  sortByCount?: boolean;
}) {
  return (
    <div className="table-scroll">
      <table className="catalogue-evidence">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col">{countHeader}</th>
          </tr>
        </thead>
        <tbody>
          {(sortByCount ? byCount(rows, label) : rows).map((r) => (
            <tr key={r.key}>
              <th scope="row">{label(r.key)}</th>
              <td>{cellText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The trials' usage evidence of a product: outcomes, satisfaction (distribution and mean), the coded reasons
 * of products that did not suit as they were, and usage at the 3-month follow-up with the reasons of
 * abandonment. Nothing at all when the route does not answer.
 */
export function ProductEvidence({ productId }: { productId: string }) {
  const { state } = useApi<Evidence>(`/api/catalogue/products/${productId}/evidence`);
  if (state.status !== 'ready') return null;
  const ev = state.data;
  const satisfaction = ['1', '2', '3', '4', '5'].map(
    (key): Keyed => ev.satisfaction.find((c) => c.key === key) ?? { key, count: 0, withheld: false },
  );
  const mean = meanRating(satisfaction);
  const anyWithheld = [ev.trials, ev.followUps, ...ev.outcomes, ...satisfaction, ...ev.reasons, ...ev.usages].some(
    (c) => c.withheld,
  );
  return (
    <section aria-labelledby="product-evidence">
      <h2 id="product-evidence">{t.title}</h2>
      <p>{t.trials(cellText(ev.trials))}</p>
      {anyWithheld && <p>{e.withheldNote}</p>}
      {ev.outcomes.length > 0 && (
        <>
          <h3>{t.outcomes}</h3>
          <CountTable
            caption={e.outcomesCaption}
            keyHeader={e.outcome}
            countHeader={e.trials}
            rows={ev.outcomes}
            label={outcomeLabel}
          />
        </>
      )}
      <h3>{t.satisfaction}</h3>
      {mean === null ? (
        <p>{e.noRating}</p>
      ) : (
        <>
          <p>{mean === 'withheld' ? e.meanWithheld : e.mean(oneDecimal.format(mean.mean), mean.n)}</p>
          <CountTable
            caption={e.satisfactionCaption}
            keyHeader={e.rating}
            countHeader={e.trials}
            rows={satisfaction}
            label={ratingLabel}
          />
        </>
      )}
      <h3>{t.reasons}</h3>
      {ev.reasons.length === 0 ? (
        <p>{e.noReason}</p>
      ) : (
        <CountTable
          caption={e.reasonsCaption}
          keyHeader={e.reason}
          countHeader={e.trials}
          rows={ev.reasons}
          label={reasonLabel}
          sortByCount
        />
      )}
      <h3>{t.followUps}</h3>
      {ev.followUps.count === 0 && !ev.followUps.withheld ? (
        <p>{e.noFollowUp}</p>
      ) : (
        <>
          <p>
            {e.followUpsCount(cellText(ev.followUps))}.{' '}
            {ev.abandonmentRate === null ? t.abandonmentUnknown : t.abandonmentRate(percent.format(ev.abandonmentRate))}
          </p>
          <CountTable
            caption={e.usagesCaption}
            keyHeader={e.usage}
            countHeader={e.followUps}
            rows={ev.usages}
            label={usageLabel}
          />
          {ev.abandonmentReasons.length > 0 && (
            <>
              <h4>{e.abandonmentReasons}</h4>
              <CountTable
                caption={e.abandonmentCaption}
                keyHeader={e.reason}
                countHeader={e.followUps}
                rows={ev.abandonmentReasons}
                label={abandonmentLabel}
                sortByCount
              />
            </>
          )}
        </>
      )}
      {ev.remarks.length > 0 && (
        <>
          <h3>{t.remarks}</h3>
          <ul>
            {ev.remarks.map((r, i) => (
              <li key={i}>
                {outcomeLabel(r.outcome)}
                {r.reasonNote ? ` — ${r.reasonNote}` : ''}
                {r.opinion ? ` — ${r.opinion}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
