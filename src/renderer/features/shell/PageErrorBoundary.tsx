import { Component, type ReactNode } from 'react';
import { Button, Result, Space } from 'antd';
import { SHELL_TEXT } from './texts';

/**
 * One page's failure stays inside the page: the navigation (and 备份与恢复) stays usable.
 * Mounted with `key={page}`, so moving to another page starts afresh.
 */
export class PageErrorBoundary extends Component<{ pageName: string; onOpenBackup: () => void; children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error) {
    console.error(`page ${this.props.pageName} failed`, error);
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="warning"
        data-testid="page-error"
        title={SHELL_TEXT.pageFailed(this.props.pageName)}
        subTitle={SHELL_TEXT.pageFailedHint(this.state.error.message)}
        extra={
          <Space>
            <Button type="primary" onClick={this.props.onOpenBackup}>
              {SHELL_TEXT.toBackup}
            </Button>
            <Button onClick={() => this.setState({ error: undefined })}>{SHELL_TEXT.retryPage}</Button>
          </Space>
        }
      />
    );
  }
}
