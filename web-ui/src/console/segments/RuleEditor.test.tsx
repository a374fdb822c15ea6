import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SegmentRule } from '../../api/types';
import i18n from '../../i18n';
import { RuleEditor, emptyRule, isComplete, type RuleOptions } from './RuleEditor';

const options: RuleOptions = {
  levels: [
    { value: 'gold', label: '金卡' },
    { value: 'diamond', label: '钻石卡' },
  ],
  tags: ['新能源意向'],
  advisors: [{ value: 'zhou', label: '周海涛' }],
};

describe('RuleEditor', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('shows each rule with the inputs its type reads, joined by 且', () => {
    const rules: SegmentRule[] = [
      { type: 'CARD_LEVEL', values: ['gold', 'diamond'] },
      { type: 'POINTS_BALANCE', min: 1000, max: null },
      { type: 'NO_VISIT_MONTHS', min: 6 },
    ];
    render(<RuleEditor value={rules} onChange={() => {}} options={options} />);
    expect(screen.getByText('满足')).toBeInTheDocument();
    expect(screen.getAllByText('且')).toHaveLength(2);
    expect(screen.getByText('金卡')).toBeInTheDocument();
    expect(screen.getByText('钻石卡')).toBeInTheDocument();
    expect(screen.getByLabelText('第 2 个条件的最小值')).toHaveValue('1000');
    expect(screen.getByLabelText('第 3 个条件的月数')).toHaveValue('6');
    expect(screen.getByText('个月以上未回店')).toBeInTheDocument();
  });

  it('adds a rule, removes one and sends the rule text as typed', () => {
    const onChange = vi.fn();
    const rules: SegmentRule[] = [{ type: 'VEHICLE_MODEL', text: '' }, { type: 'TAG', values: ['新能源意向'] }];
    render(<RuleEditor value={rules} onChange={onChange} options={options} />);

    fireEvent.change(screen.getByLabelText('第 1 个条件的车型文字'), { target: { value: '比亚迪' } });
    expect(onChange).toHaveBeenLastCalledWith([{ type: 'VEHICLE_MODEL', text: '比亚迪' }, rules[1]]);

    fireEvent.click(screen.getByLabelText('删除第 1 个条件'));
    expect(onChange).toHaveBeenLastCalledWith([rules[1]]);

    fireEvent.click(screen.getByText('添加条件'));
    expect(onChange).toHaveBeenLastCalledWith([...rules, emptyRule('CARD_LEVEL')]);
  });

  it('a reader sees the rules without the controls to change them', () => {
    render(<RuleEditor value={[{ type: 'BIRTHDAY_MONTH', values: ['THIS_MONTH'] }]} onChange={() => {}} options={options} disabled />);
    expect(screen.getByText('本月')).toBeInTheDocument();
    expect(screen.queryByText('添加条件')).toBeNull();
    expect(screen.queryByLabelText('删除第 1 个条件')).toBeNull();
  });

  it('starts a row afresh with only the fields of its new type', () => {
    expect(emptyRule('VEHICLE_AGE')).toEqual({ type: 'VEHICLE_AGE', min: null, max: null });
    expect(emptyRule('SOURCE')).toEqual({ type: 'SOURCE', values: [] });
  });

  it('counts a rule only once it has what its type needs', () => {
    expect(isComplete(emptyRule('CARD_LEVEL'))).toBe(false);
    expect(isComplete({ type: 'CARD_LEVEL', values: ['gold'] })).toBe(true);
    expect(isComplete({ type: 'POINTS_BALANCE', min: null, max: 500 })).toBe(true);
    expect(isComplete({ type: 'VEHICLE_AGE', min: null, max: null })).toBe(false);
    expect(isComplete({ type: 'VEHICLE_MODEL', text: '  ' })).toBe(false);
    expect(isComplete(emptyRule('NO_VISIT_MONTHS'))).toBe(true);
  });
});
