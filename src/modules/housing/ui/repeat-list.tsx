import { useRef } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';

const t = messages.housing.form;

export type RepeatColumn<K extends string> = {
  name: K;
  label: string;
  type?: 'text' | 'date' | 'numeric';
  options?: { value: string; label: string }[];
  maxLength?: number;
};
export type Row<K extends string> = Record<K, string>;

/**
 * Rows of a few fields each (planned units, labels): one labelled control per cell, a remove button per
 * row, an add button. Focus follows the change so a keyboard user never lands on nothing. The API's
 * message for the list is shown under the legend, where the error summary links to.
 */
export function RepeatList<K extends string>({
  id,
  legend,
  columns,
  rows,
  onChange,
  blank,
  addLabel = t.addRow,
  error,
}: {
  id: string;
  legend: string;
  columns: RepeatColumn<K>[];
  rows: Row<K>[];
  onChange: (rows: Row<K>[]) => void;
  blank: Row<K>;
  addLabel?: string;
  error?: string;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const set = (index: number, name: K, value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [name]: value } : row)));
  const add = () => {
    onChange([...rows, { ...blank }]);
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLElement>('li:last-child input, li:last-child select')?.focus(),
    );
  };
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    requestAnimationFrame(() => addRef.current?.focus());
  };
  return (
    <fieldset
      className={error ? 'field field--error housing-repeat' : 'field housing-repeat'}
      id={id}
      tabIndex={-1}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {rows.length === 0 && <p>{t.noRows}</p>}
      <ol ref={listRef}>
        {rows.map((row, index) => (
          <li key={index} className="housing-repeat__row">
            {columns.map((column) => {
              const cellId = `${id}-${index}-${column.name}`;
              const label = t.row(column.label, index + 1);
              return (
                <div className="field" key={column.name}>
                  <label htmlFor={cellId}>{label}</label>
                  {column.options ? (
                    <select
                      id={cellId}
                      value={row[column.name]}
                      onChange={(e) => set(index, column.name, e.target.value)}
                    >
                      {column.options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      id={cellId}
                      type={column.type === 'date' ? 'date' : 'text'}
                      inputMode={column.type === 'numeric' ? 'numeric' : undefined}
                      maxLength={column.maxLength}
                      value={row[column.name]}
                      onChange={(e) => set(index, column.name, e.target.value)}
                    />
                  )}
                </div>
              );
            })}
            <button type="button" className="button button--link" onClick={() => remove(index)}>
              {t.removeRow(index + 1)}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button" ref={addRef} onClick={add}>
        {addLabel}
      </button>
    </fieldset>
  );
}
