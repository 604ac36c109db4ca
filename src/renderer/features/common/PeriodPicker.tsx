import { Button, Select, Space } from 'antd';
import { COMMON_TEXT } from './texts';
import { useReportingPeriod } from './use-period';

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
        options={options.map((p) => ({ value: p.id, label: p.id === current.id ? COMMON_TEXT.currentPeriod(p.name) : p.name }))}
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
