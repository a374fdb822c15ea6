/*
 * The pieces of an owner's search page (the mall, the gift catalogue): the search box, the sort, the filters in force
 * as removable chips, and the filter sheet that applies a choice only when asked.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A search box that searches when submitted (at most 60 characters, trimmed). */
export function SearchBox({ q, label, placeholder, onSearch }: { q: string; label: string; placeholder: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  return (
    <form
      role="search"
      className="owner-market-search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim().slice(0, 60));
      }}
    >
      <input type="search" value={text} maxLength={60} enterKeyHint="search" aria-label={label} placeholder={placeholder} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="owner-chip">
        {t('owner.mall.search')}
      </button>
    </form>
  );
}

/** The sort as a select; the first of `sorts` is the default (undefined). */
export function SortSelect<S extends string>({ sorts, value, label, text, onChange }: { sorts: readonly S[]; value?: S; label: string; text: (sort: S) => string; onChange: (sort: S | undefined) => void }) {
  return (
    <label className="owner-market-sort">
      <span>{label}</span>
      <select value={value ?? sorts[0]} onChange={(e) => onChange(e.target.value === sorts[0] ? undefined : sorts.find((s) => s === e.target.value))}>
        {sorts.map((sort) => (
          <option key={sort} value={sort}>
            {text(sort)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A filter in force: its words and the search without it. */
export interface FilterChip<S> {
  key: string;
  text: string;
  without: S;
}

/** The filters in force as removable chips. */
export function ActiveChips<S>({ chips, onChange }: { chips: FilterChip<S>[]; onChange: (search: S) => void }) {
  const { t } = useTranslation();
  if (chips.length === 0) return null;
  return (
    <ul className="owner-market-active" aria-label={t('owner.mall.activeFilters')}>
      {chips.map((chip) => (
        <li key={chip.key}>
          <button type="button" className="owner-facet" aria-pressed="true" aria-label={t('owner.mall.removeFilter', { filter: chip.text })} onClick={() => onChange(chip.without)}>
            {chip.text} <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** 筛选: a sheet over the page with the choices (children), 重置 and 确定; Escape or 关闭 closes it unchanged. */
export function FilterSheet({ id, onReset, onApply, onClose, children }: { id: string; onReset: () => void; onApply: () => void; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="owner-sheet" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="owner-sheet__panel owner-filters" role="dialog" aria-modal="true" aria-labelledby={id}>
        <div className="owner-filters__head">
          <h2 id={id} ref={heading} tabIndex={-1}>
            {t('owner.mall.filtersTitle')}
          </h2>
          <button type="button" className="owner-link" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
        <div className="owner-filters__body">{children}</div>
        <div className="owner-filters__actions">
          <button type="button" className="owner-button owner-button--secondary" onClick={onReset}>
            {t('owner.mall.reset')}
          </button>
          <button type="button" className="owner-button" onClick={onApply}>
            {t('owner.mall.apply')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** A group of choices in the filter sheet: chips, each pressed or not, with its count. */
export function FacetGroup({ legend, testId, choices }: { legend: string; testId?: string; choices: { value: string; text: string; count?: number; pressed: boolean; disabled?: boolean; onClick: () => void }[] }) {
  if (choices.length === 0) return null;
  return (
    <fieldset className="owner-facet-group" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="owner-facets">
        {choices.map((c) => (
          <button key={c.value} type="button" className="owner-facet" aria-pressed={c.pressed} disabled={c.disabled} onClick={c.onClick}>
            {c.text}
            {c.count !== undefined && (
              <>
                {' '}
                <span className="owner-facet__count">{c.count}</span>
              </>
            )}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
