/**
 * 承办分工: give each relevant task one lead 承办单位 and any 协办 units, in bulk — by
 * selection, by filter (select the whole filtered list) or by suggestion from the city lead unit.
 */
import { useMemo, useState } from 'react';
import { App, Button, Checkbox, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { isAssigned, suggestDistricts, suggestUnits, type AssignChange } from '@core/rounds';
import { getDb, changeAssignments, setAssignments, allClusters } from '../../storage';
import type { AssignRow } from './use-round-data';
import { UnitsEditor } from './UnitsEditor';
import { ROUNDS_MORE_TEXT, ROUNDS_TEXT } from './texts';

const T = ROUNDS_TEXT.assign;
const C = ROUNDS_TEXT.city;

/** The assignment tab. */
export function AssignTab({ district, rows, units, mapping, city }: { district: string; rows: AssignRow[]; units: string[]; mapping: Record<string, string>; city: boolean }) {
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [onlyUnassigned, setOnlyUnassigned] = useState(false);
  const [cityLead, setCityLead] = useState<string>();
  const [unitFilter, setUnitFilter] = useState<string>();
  const [selected, setSelected] = useState<string[]>([]);
  const [unit, setUnit] = useState<string>();
  const [editing, setEditing] = useState(false);

  const cityLeads = useMemo(() => [...new Set(rows.flatMap((r) => r.task.leadUnits))].sort(), [rows]);
  const shown = useMemo(() => {
    const q = search.trim();
    return rows.filter((r) => {
      if (onlyUnassigned && isAssigned(r.assignment)) return false;
      if (cityLead && !r.task.leadUnits.includes(cityLead)) return false;
      if (unitFilter && r.assignment?.lead !== unitFilter && !r.assignment?.assist.includes(unitFilter)) return false;
      if (q && ![r.task.key, r.task.title, r.task.text, ...r.task.leadUnits].some((s) => s.includes(q))) return false;
      return true;
    });
  }, [rows, search, onlyUnassigned, cityLead, unitFilter]);
  const assigned = rows.filter((r) => isAssigned(r.assignment)).length;

  const change = async (c: AssignChange) => {
    if (selected.length === 0) return message.warning(T.noSelection);
    await changeAssignments(getDb(), district, selected, c);
    message.success(T.done(selected.length));
  };
  const needUnit = (f: (u: string) => AssignChange) => () => (unit ? void change(f(unit)) : message.warning(T.pickUnit));

  const suggest = async () => {
    const keys = new Set(selected.length > 0 ? selected : shown.filter((r) => !isAssigned(r.assignment)).map((r) => r.task.key));
    // Every district's clusters: a task goes to the districts it concerns by their own rule.
    const clusters = city ? await allClusters(getDb()) : [];
    const values = rows
      .filter((r) => keys.has(r.task.key))
      // At the city level the districts all take their own part: no lead among them.
      .map((r) => (city ? { taskKey: r.task.key, assist: suggestDistricts(r.task, clusters) } : { taskKey: r.task.key, ...suggestUnits(r.task, mapping, units) }))
      .filter((v) => v.lead || v.assist.length > 0);
    if (values.length === 0) return message.info(T.suggestNone);
    await setAssignments(getDb(), district, values);
    message.success(T.suggested(values.length));
  };

  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search data-testid="assign-search" allowClear placeholder={T.search} style={{ width: 240 }} value={search} onChange={(e) => setSearch(e.target.value)} />
        <Select allowClear placeholder={T.allCityLeads} style={{ width: 170 }} value={cityLead} onChange={setCityLead} options={cityLeads.map((u) => ({ value: u, label: u }))} data-testid="assign-city-lead" />
        <Select allowClear placeholder={city ? C.allDistricts : T.allUnits} style={{ width: 160 }} value={unitFilter} onChange={setUnitFilter} options={units.map((u) => ({ value: u, label: u }))} />
        <Checkbox checked={onlyUnassigned} onChange={(e) => setOnlyUnassigned(e.target.checked)} data-testid="assign-only-unassigned">
          {T.onlyUnassigned}
        </Checkbox>
        <Typography.Text type="secondary" data-testid="assign-counts">
          {city ? C.counts(assigned, rows.length) : T.counts(assigned, rows.length)}
        </Typography.Text>
        {!city && (
          <Button onClick={() => setEditing(true)} data-testid="edit-units">
            {T.editUnits}
          </Button>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text data-testid="assign-selected">{T.selected(selected.length, shown.length)}</Typography.Text>
        <Button size="small" onClick={() => setSelected(shown.map((r) => r.task.key))} data-testid="select-shown">
          {T.selectShown}
        </Button>
        <Button size="small" onClick={() => setSelected([])}>
          {T.clearSelection}
        </Button>
        <Select showSearch placeholder={T.pickUnit} style={{ width: 170 }} value={unit} onChange={setUnit} options={units.map((u) => ({ value: u, label: u }))} data-testid="assign-unit" />
        {!city && (
          <Button type="primary" onClick={needUnit((u) => ({ kind: 'setLead', unit: u }))} data-testid="assign-set-lead">
            {T.setLead}
          </Button>
        )}
        <Button type={city ? 'primary' : 'default'} onClick={needUnit((u) => ({ kind: 'addAssist', unit: u }))} data-testid="assign-add-assist">
          {city ? C.addDistrict : T.addAssist}
        </Button>
        <Button onClick={needUnit((u) => ({ kind: 'removeAssist', unit: u }))}>{city ? C.removeDistrict : T.removeAssist}</Button>
        <Button danger onClick={() => void change({ kind: 'clear' })}>
          {T.clear}
        </Button>
        <Tooltip title={city ? C.suggestHint : T.suggestHint}>
          <Button onClick={() => void suggest()} data-testid="assign-suggest">
            {city ? C.suggest : T.suggest}
          </Button>
        </Tooltip>
      </Space>
      <Table
        data-testid="assign-table"
        size="small"
        rowKey={(r) => r.task.key}
        dataSource={shown}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 300] }}
        scroll={{ y: 'calc(100vh - 330px)' }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: true }}
        columns={[
          { title: T.colKey, width: 110, render: (_, r) => r.task.key },
          { title: T.colTitle, ellipsis: true, render: (_, r) => r.task.title },
          { title: T.colCityLead, width: 170, ellipsis: true, render: (_, r) => r.task.leadUnits.join('、') },
          ...(city
            ? [{ title: C.colDistricts, width: 380, render: (_: unknown, r: AssignRow) => (r.assignment && r.assignment.assist.length === 17 ? <Tag color="blue">{ROUNDS_MORE_TEXT.allDistricts(17)}</Tag> : r.assignment?.assist.map((u) => <Tag key={u}>{u}</Tag>)) }]
            : [
                { title: T.colLead, width: 150, render: (_: unknown, r: AssignRow) => (r.assignment?.lead ? <Tag color="blue">{r.assignment.lead}</Tag> : null) },
                { title: T.colAssist, width: 220, render: (_: unknown, r: AssignRow) => r.assignment?.assist.map((u) => <Tag key={u}>{u}</Tag>) },
              ]),
        ]}
      />
      {editing && <UnitsEditor district={district} units={units} mapping={mapping} open onClose={(saved) => (setEditing(false), saved && message.success(ROUNDS_TEXT.units.saved))} />}
    </div>
  );
}
