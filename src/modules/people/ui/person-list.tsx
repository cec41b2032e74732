import { Link } from 'react-router';
import { messages } from '#src/shared/i18n/fr.ts';
import type { PersonSummary } from '#src/modules/people/api/person.schema.ts';

export function PersonList({ items }: { items: PersonSummary[] }) {
  return (
    <ul className="card-list">
      {items.map((p) => (
        <li key={p.id} className="card">
          <Link to={`/personnes/${p.id}`} className="card__title">
            {p.lastName.toLocaleUpperCase('fr-FR')} {p.firstName}
          </Link>
          <span className="card__meta">
            {p.age !== null ? messages.people.age(p.age) : null}
            {p.communeName ? ` · ${p.communeName}` : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
