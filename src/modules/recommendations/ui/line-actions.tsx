/**
 * Move up, move down and remove for one line of a list (a group, a product, works, an aid). The move buttons
 * carry the line's uid, so focus can follow the line after a move.
 */
export function LineActions({
  uid,
  index,
  count,
  labels,
  onMove,
  onRemove,
}: {
  uid: string;
  index: number;
  count: number;
  labels: { up: string; down: string; remove: string };
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <p className="actions">
      <button
        type="button"
        className="button button--secondary"
        id={`${uid}-up`}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        {labels.up}
      </button>
      <button
        type="button"
        className="button button--secondary"
        id={`${uid}-down`}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        {labels.down}
      </button>
      <button type="button" className="button button--secondary" onClick={onRemove}>
        {labels.remove}
      </button>
    </p>
  );
}
