import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import { createScheme, schemes, type SchemeBody, type Schemes } from '../api/evaluation';
import { useWrites } from './WriteScope';

interface Values {
  total: number;
  items: { indicator?: string; pointsPer?: number; cap?: number }[];
  withManual: boolean;
  manualName?: string;
  manualMax?: number;
  excellent: number;
  good: number;
  pass: number;
}

/**
 * 修改评议方案: the street's organizer edits the year's scheme — indicators with points per unit (negative deducts) and
 * caps, the manual part (e.g. 居民代表评议), the total and the grade thresholds — starting from the current version.
 * Saving makes a new version; the API checks it whole (full marks add up to the total, thresholds in order, the year not
 * published) and its refusal is shown in its words.
 */
export function SchemeEditorDrawer({ year, open, onClose, onSaved }: { year: number; open: boolean; onClose: () => void; onSaved: (version: number) => void }) {
  const [form] = Form.useForm<Values>();
  const [data, setData] = useState<Schemes | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { button, begin, end } = useWrites();
  const values = Form.useWatch([], form);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    setData(null);
    schemes(year).then((d) => {
      setData(d);
      const c = d.current;
      form.setFieldsValue({
        total: c?.total ?? 100,
        items: c?.items ?? [{}],
        withManual: !!c?.manual,
        manualName: c?.manual?.name ?? '居民代表评议',
        manualMax: c?.manual?.max ?? 20,
        excellent: c?.grades.excellent ?? 85, good: c?.grades.good ?? 70, pass: c?.grades.pass ?? 60,
      });
    }, (e) => setProblem(e instanceof ApiError ? e.message : '方案加载失败，请稍后再试。'));
  }, [open, year, form]);

  const fullMarks = (values?.items ?? []).reduce((sum, i) => sum + ((i?.pointsPer ?? 0) > 0 ? i?.cap ?? 0 : 0), 0)
    + (values?.withManual ? values?.manualMax ?? 0 : 0);

  const save = async (v: Values) => {
    if (!begin('scheme')) return;
    setProblem(null);
    try {
      const body: SchemeBody = {
        year, total: v.total,
        items: v.items.map((i) => ({ indicator: i.indicator ?? '', pointsPer: i.pointsPer ?? 0, cap: i.cap ?? 0 })),
        manual: v.withManual ? { name: (v.manualName ?? '').trim(), max: v.manualMax ?? 0 } : null,
        grades: { excellent: v.excellent, good: v.good, pass: v.pass },
      };
      onSaved((await createScheme(body)).version);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : '方案未能保存，请稍后再试。');
    } finally {
      end();
    }
  };

  const published = data?.publishedVersion != null;
  return (
    <Drawer open={open} onClose={onClose} size="large" title={`${year}年度评议方案`} data-testid="scheme-editor"
      extra={<Button type="primary" {...button('scheme', !data || published)} onClick={() => form.submit()} data-testid="scheme-save">保存为新版本</Button>}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="scheme-problem" />}
      {published && <Alert type="info" showIcon title={`本年度成绩已按方案第 ${data!.publishedVersion} 版发布，方案不能再修改。`} style={{ marginBottom: 12 }} />}
      {data && (
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={published} onValuesChange={() => setProblem(null)}>
          <Typography.Paragraph type="secondary">
            {data.current ? `当前为第 ${data.current.version} 版（${data.current.createdBy}制定）。` : '本年度还没有方案。'}
            每项指标按“每单位分值 × 指标值”计分，不超过封顶分；分值为负数即扣分。比率以 100% 为一个单位。保存后为新版本，旧版本保留。
          </Typography.Paragraph>
          <Form.Item name="total" label="方案总分" rules={[{ required: true, message: '请填写总分' }]}>
            <InputNumber min={1} max={1000} data-testid="scheme-total" />
          </Form.Item>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, n) => (
                  <Space key={f.key} align="baseline" wrap data-testid={`scheme-item-${n}`}>
                    <Form.Item name={[f.name, 'indicator']} rules={[{ required: true, message: '请选择指标' }]}>
                      <Select style={{ width: 200 }} placeholder="考核指标" showSearch optionFilterProp="label" aria-label={`第${n + 1}项指标`}
                        options={data.indicators.map((d) => ({ value: d.code, label: d.name, title: d.definition }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'pointsPer']} rules={[{ required: true, message: '请填写分值' }]}>
                      <InputNumber style={{ width: 130 }} prefix="每单位" suffix="分" aria-label={`第${n + 1}项每单位分值`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'cap']} rules={[{ required: true, message: '请填写封顶分' }]}>
                      <InputNumber style={{ width: 130 }} prefix="封顶" suffix="分" min={0} aria-label={`第${n + 1}项封顶分`} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label={`删除第${n + 1}项`} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <div><Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="scheme-add">添加指标</Button></div>
              </>
            )}
          </Form.List>
          <Space align="baseline" wrap style={{ marginTop: 16 }}>
            <Form.Item name="withManual" valuePropName="checked"><Checkbox>包含评议分</Checkbox></Form.Item>
            <Form.Item name="manualName"><Input style={{ width: 160 }} maxLength={30} placeholder="如：居民代表评议" disabled={!values?.withManual} aria-label="评议分名称" /></Form.Item>
            <Form.Item name="manualMax"><InputNumber style={{ width: 130 }} prefix="满分" suffix="分" min={0} disabled={!values?.withManual} aria-label="评议分满分" /></Form.Item>
          </Space>
          <Space align="baseline" wrap>
            <Form.Item name="excellent" label="优秀 ≥"><InputNumber min={0} aria-label="优秀分数线" /></Form.Item>
            <Form.Item name="good" label="良好 ≥"><InputNumber min={0} aria-label="良好分数线" /></Form.Item>
            <Form.Item name="pass" label="合格 ≥"><InputNumber min={0} aria-label="合格分数线" /></Form.Item>
          </Space>
          <Typography.Paragraph data-testid="scheme-sum" type={Math.abs(fullMarks - (values?.total ?? 0)) < 0.005 ? 'secondary' : 'warning'}>
            各项满分之和 {Number(fullMarks.toFixed(2))} 分，方案总分 {values?.total ?? 0} 分{Math.abs(fullMarks - (values?.total ?? 0)) < 0.005 ? '，一致。' : '，请调整使两者一致（扣分项不计入满分）。'}
          </Typography.Paragraph>
        </Form>
      )}
    </Drawer>
  );
}
