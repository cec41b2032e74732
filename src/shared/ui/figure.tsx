import * as Plot from '@observablehq/plot';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { messages } from '#src/shared/i18n/fr.ts';

/**
 * The one accessible chart of the app (import it only from lazily loaded pages: it brings
 * Observable Plot). A chart alone is not accessible, so every figure carries a caption, a short
 * text summary of what the chart shows, and a "Graphique | Tableau" toggle to the same data as a
 * table. Charts use one colour and print their values: nothing is said by colour alone.
 */

const t = messages.indicators.figure;
const frenchNumber = new Intl.NumberFormat('fr-FR');
export const formatNumber = (value: number) => frenchNumber.format(value);

/** The brand blue of styles.css (--brand): 8.9:1 on white. */
const BAR_COLOUR = '#0a4b78';

export type FigureColumn<R> = {
  label: string;
  value: (row: R) => string | number;
  /** Right-aligned, French-formatted. */
  numeric?: boolean;
};

type FigureProps<R> = {
  title: string;
  summary: string;
  /** Builds the chart for the width available. */
  plot: (width: number) => Plot.PlotOptions;
  /** The first column names each row (a row header). */
  columns: FigureColumn<R>[];
  rows: readonly R[];
  /** Shown instead of chart and table when there is nothing to draw. */
  empty: string;
  /** A note under the summary, e.g. that the figure ignores the period. */
  note?: ReactNode;
};

export function Figure<R>({ title, summary, plot, columns, rows, empty, note }: FigureProps<R>) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  return (
    <figure className="figure" aria-labelledby={titleId}>
      <div className="figure__head">
        <h2 id={titleId}>{title}</h2>
        {rows.length > 0 && (
          <div className="figure__views" role="group" aria-label={t.views(title)}>
            {(['chart', 'table'] as const).map((v) => (
              <button
                key={v}
                type="button"
                className="figure__view"
                aria-pressed={view === v}
                onClick={() => setView(v)}
              >
                {v === 'chart' ? t.chart : t.table}
              </button>
            ))}
          </div>
        )}
      </div>
      <figcaption className="figure__summary">
        <p>{summary}</p>
        {note && <p className="figure__note">{note}</p>}
      </figcaption>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : view === 'chart' ? (
        <Chart plot={plot} label={title} description={summary} />
      ) : (
        <FigureTable caption={t.tableCaption(title)} columns={columns} rows={rows} />
      )}
    </figure>
  );
}

function Chart({
  plot,
  label,
  description,
}: {
  plot: (width: number) => Plot.PlotOptions;
  label: string;
  description: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = container.current!;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry!.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (width === 0) return;
    const chart = Plot.plot({
      ...plot(width),
      width,
      ariaLabel: label,
      ariaDescription: description,
      style: { fontFamily: 'inherit', fontSize: '14px', background: 'transparent', color: '#1e1e1e' },
    });
    // The chart is one image for assistive technologies; its data is in the summary and the table.
    // Plot names its inner groups ("bar", "rule"), which means nothing once inside an image.
    chart.setAttribute('role', 'img');
    chart.querySelectorAll('[aria-label]').forEach((element) => element.removeAttribute('aria-label'));
    // Plot's own <style> element is refused by the content security policy (no inline styles);
    // styles.css carries the same rules.
    chart.querySelectorAll('style').forEach((element) => element.remove());
    container.current!.replaceChildren(chart);
    return () => chart.remove();
  }, [plot, width, label, description]);

  return <div ref={container} className="figure__chart" />;
}

function FigureTable<R>({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: FigureColumn<R>[];
  rows: readonly R[];
}) {
  const cell = (column: FigureColumn<R>, row: R) => {
    const value = column.value(row);
    return typeof value === 'number' ? formatNumber(value) : value;
  };
  const [head, ...rest] = columns;
  return (
    <table className="figure__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={c.numeric ? 'numeric' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            <th scope="row">{cell(head!, row)}</th>
            {rest.map((c) => (
              <td key={c.label} className={c.numeric ? 'numeric' : undefined}>
                {cell(c, row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Horizontal bars, one per labelled whole number (a count, a number of days), in the given order,
 * each with its value printed at its end.
 */
export function barsPlot(data: readonly { label: string; value: number }[], valueLabel: string) {
  return (width: number): Plot.PlotOptions => {
    const longest = Math.max(...data.map((d) => d.label.length), 4);
    // Room for the category names, but never more than half the chart.
    const marginLeft = Math.min(Math.round(longest * 7.5) + 12, Math.floor(width / 2));
    return {
      marginLeft,
      marginRight: 48,
      height: 50 + data.length * 34,
      x: {
        label: valueLabel,
        grid: true,
        nice: true,
        // Whole numbers only: no "0,5 signalement" on the axis of a small count.
        ticks: Math.min(Math.ceil(Math.max(...data.map((d) => d.value), 1)), width / 80),
        tickFormat: Plot.formatNumber('fr-FR'),
      },
      y: { domain: data.map((d) => d.label), padding: 0.25 },
      marks: [
        // Names longer than the margin wrap onto a second line rather than being cut.
        Plot.axisY({ label: null, tickSize: 0, lineWidth: (marginLeft - 12) / 14 }),
        Plot.barX(data, { x: 'value', y: 'label', fill: BAR_COLOUR }),
        Plot.text(data, {
          x: 'value',
          y: 'label',
          text: (d: { value: number }) => formatNumber(d.value),
          textAnchor: 'start',
          dx: 4,
          fill: 'currentColor',
        }),
        Plot.ruleX([0]),
      ],
    };
  };
}
