/** 本单位层级: a district's office (its departments are the units of a round) or the city's (市级汇总: the 17 districts are). */
import { App, Card, Radio, Typography } from 'antd';
import { isCityOffice } from '@core/districts';
import { getDb, useQuery, loadOfficeLevel, saveOfficeLevel, type OfficeLevel } from '../../storage';
import { useAppContext } from '../common/app-context';
import { OFFICE_LEVEL_TEXT } from './texts';

const T = OFFICE_LEVEL_TEXT;

/** The setting, as a card of the settings page. */
export function OfficeLevelSetting() {
  const { message } = App.useApp();
  const city = isCityOffice(useAppContext().district);
  const level = useQuery(() => loadOfficeLevel(getDb()), [city]).data;
  return (
    <Card size="small" title={T.title}>
      <Typography.Paragraph type="secondary">{city ? T.cityFixed : T.help}</Typography.Paragraph>
      <Radio.Group
        value={level}
        disabled={city}
        optionType="button"
        buttonStyle="solid"
        data-testid="settings-office-level"
        onChange={(e) => void saveOfficeLevel(getDb(), e.target.value as OfficeLevel).then(() => message.success(T.saved))}
      >
        <Radio.Button value="district">{T.district}</Radio.Button>
        <Radio.Button value="city">{T.city}</Radio.Button>
      </Radio.Group>
    </Card>
  );
}
