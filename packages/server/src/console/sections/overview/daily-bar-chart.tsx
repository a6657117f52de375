/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
const WIDTH = 300;
const HEIGHT = 100;
const AXIS = 14;

/** A UTC day as the chart names it, e.g. `2026-01-31`. */
const formatDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One daily series of the overview: its name, what it counts, and a number per day. */
export interface DailySeries {
  id: string;
  title: string;
  description: string;
  /** Start of each day (epoch ms, UTC). */
  days: readonly number[];
  values: readonly number[];
  danger?: boolean;
}

/**
 * A small server-rendered SVG bar chart of one count per day, with its text alternative: the SVG
 * is an image named by its title and described by its total and peak, each bar carries its own
 * `<title>`, and a visually hidden table lists every day's number for screen readers.
 */
export function DailyBarChart(props: { series: DailySeries }) {
  const { id, title, description, days, values } = props.series;
  const peak = Math.max(0, ...values);
  const total = values.reduce((sum, value) => sum + value, 0);
  const slot = WIDTH / Math.max(1, values.length);
  const plot = HEIGHT - AXIS;
  const summary = `${total.toLocaleString("en")} in ${values.length} days, at most ${peak.toLocaleString("en")} a day.`;
  return (
    <section class="card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      <p class="muted">{description}</p>
      <p>
        <strong>{total.toLocaleString("en")}</strong> in the last {values.length} days
      </p>
      <svg
        class="chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line class="axis" x1={0} y1={plot} x2={WIDTH} y2={plot} />
        {values.map((value, index) => {
          const height = peak === 0 ? 0 : Math.max(value > 0 ? 1 : 0, (value / peak) * plot);
          return (
            <rect
              class={props.series.danger ? "bar danger" : "bar"}
              x={(index * slot + slot * 0.1).toFixed(2)}
              y={(plot - height).toFixed(2)}
              width={(slot * 0.8).toFixed(2)}
              height={height.toFixed(2)}
            >
              <title>{`${formatDay(days[index] ?? 0)}: ${value}`}</title>
            </rect>
          );
        })}
        <text x={0} y={HEIGHT - 2}>
          {formatDay(days[0] ?? 0)}
        </text>
        <text x={WIDTH} y={HEIGHT - 2} text-anchor="end">
          {formatDay(days.at(-1) ?? 0)}
        </text>
      </svg>
      <table class="visually-hidden">
        <caption>{`${title} per day`}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Count</th>
          </tr>
        </thead>
        <tbody>
          {values.map((value, index) => (
            <tr>
              <th scope="row">{formatDay(days[index] ?? 0)}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
