import { Empty } from 'antd';

/** Shown where a page is not built yet. */
export function Placeholder({ title }: { title: string }) {
  return <Empty style={{ marginTop: 80 }} description={`${title}：功能建设中`} />;
}
