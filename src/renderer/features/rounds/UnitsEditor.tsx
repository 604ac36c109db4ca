/** Edit the district's unit list and the city → district mapping (one per line). */
import { useState } from 'react';
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { STARTER_LEAD_MAPPING, STARTER_UNITS, cleanUnitList, leadMappingText as mappingText, parseLeadMapping } from '@core/rounds';
import { getDb, saveLeadMapping, saveUnits } from '../../storage';
import { ROUNDS_TEXT } from './texts';

const T = ROUNDS_TEXT.units;

/** The editor, as a modal. */
export function UnitsEditor({ district, units, mapping, open, onClose }: { district: string; units: string[]; mapping: Record<string, string>; open: boolean; onClose: (saved: boolean) => void }) {
  const [unitsText, setUnitsText] = useState(units.join('\n'));
  const [mapText, setMapText] = useState(mappingText(mapping));
  const [error, setError] = useState<string>();
  const save = async () => {
    const list = cleanUnitList(unitsText.split(/\r?\n/u));
    const parsed = parseLeadMapping(mapText);
    if (!parsed.ok) return setError(T.badMapping(parsed.line));
    const unknown = Object.values(parsed.mapping).find((u) => !list.includes(u));
    if (unknown) return setError(T.unknownTarget(unknown));
    await saveUnits(getDb(), district, list);
    await saveLeadMapping(getDb(), parsed.mapping);
    onClose(true);
  };
  return (
    <Modal open={open} title={T.title} width={760} onCancel={() => onClose(false)} okText={T.save} cancelText={T.cancel} onOk={() => void save()} destroyOnHidden>
      <Space align="start" style={{ width: '100%' }} size={16}>
        <div style={{ width: 260 }}>
          <Typography.Text strong>{T.unitsLabel}</Typography.Text>
          <Input.TextArea data-testid="units-text" value={unitsText} onChange={(e) => setUnitsText(e.target.value)} autoSize={{ minRows: 12, maxRows: 18 }} />
        </div>
        <div style={{ width: 420 }}>
          <Typography.Text strong>{T.mappingLabel}</Typography.Text>
          <Input.TextArea data-testid="mapping-text" value={mapText} onChange={(e) => setMapText(e.target.value)} autoSize={{ minRows: 12, maxRows: 18 }} />
        </div>
      </Space>
      <Button
        type="link"
        size="small"
        onClick={() => {
          setUnitsText(STARTER_UNITS.join('\n'));
          setMapText(mappingText({ ...STARTER_LEAD_MAPPING }));
        }}
      >
        {T.restore}
      </Button>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </Modal>
  );
}
