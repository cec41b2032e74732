import { messages } from '#src/shared/i18n/fr.ts';
import { useApi } from '#src/shared/ui/use-api.ts';

/** What the product page reads of the usage evidence the trials module serves; a small count may be withheld. */
type Cell = { count: number | null; withheld: boolean };
type Evidence = {
  trials: Cell;
  outcomes: (Cell & { key: string })[];
  abandonmentRate: number | null;
  remarks: { triedOn: string; outcome: string; opinion: string | null }[];
};

const t = messages.trials.evidence;
const cellText = (c: Cell) => (c.withheld ? t.withheld : String(c.count ?? 0));
const outcomeLabel = (key: string) => (messages.trials.outcomes as Record<string, string>)[key] ?? key;

/** The trials' usage evidence of a product, when that route answers; nothing at all otherwise. */
export function ProductEvidence({ productId }: { productId: string }) {
  const { state } = useApi<Evidence>(`/api/catalogue/products/${productId}/evidence`);
  if (state.status !== 'ready') return null;
  const e = state.data;
  return (
    <section aria-labelledby="product-evidence">
      <h2 id="product-evidence">{t.title}</h2>
      <p>{t.trials(cellText(e.trials))}</p>
      {e.outcomes.length > 0 && (
        <>
          <h3>{t.outcomes}</h3>
          <ul>
            {e.outcomes.map((o) => (
              <li key={o.key}>
                {outcomeLabel(o.key)} : {cellText(o)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        {e.abandonmentRate === null
          ? t.abandonmentUnknown
          : t.abandonmentRate(`${Math.round(e.abandonmentRate * 100)} %`)}
      </p>
      {e.remarks.length > 0 && (
        <>
          <h3>{t.remarks}</h3>
          <ul>
            {e.remarks.map((r, i) => (
              <li key={i}>
                {outcomeLabel(r.outcome)}
                {r.opinion ? ` — ${r.opinion}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
