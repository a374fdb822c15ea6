import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { ChartOption } from './Chart';

export type { ChartOption } from './Chart';

// ECharts is the largest library of the consoles: loaded when a chart is first drawn, not with the page
const Chart = lazy(() => import('./Chart').then((m) => ({ default: m.Chart })));

export function LazyChart(props: { option: ChartOption; height?: number; label: string }) {
  return (
    <Suspense fallback={<Skeleton active />}>
      <Chart {...props} />
    </Suspense>
  );
}
