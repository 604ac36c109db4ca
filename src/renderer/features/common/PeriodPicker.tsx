import { Button, Select, Space } from 'antd';
import { COMMON_TEXT } from './texts';
import { periodOptions, useReportingPeriod } from './use-period';

/** 报告期 picker: named the city's way, with a way back to the current period. */
export function PeriodPicker() {
  const { period, current, options, choose } = useReportingPeriod();
  return (
    <Space size={4}>
      <span>{COMMON_TEXT.period}</span>
      <Select
        data-testid="period-picker"
        style={{ width: 212 }}
        value={period.id}
        onChange={(id: string) => choose(id === current.id ? undefined : id)}
        options={periodOptions(options, current)}
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
      />
      {period.id !== current.id && (
        <Button size="small" type="link" onClick={() => choose(undefined)}>
          {COMMON_TEXT.backToCurrent}
        </Button>
      )}
    </Space>
  );
}
