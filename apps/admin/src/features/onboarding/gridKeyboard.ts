import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useGridApiRef, type GridCellParams, type MuiEvent } from "@mui/x-data-grid";

/**
 * Space and Enter pressed on a control inside a cell (the red block, the row's action) belong to
 * that control. The grid otherwise reads Space in a cell as "page down" — focus jumped 6 rows at
 * 800 px — and swallows the key, so the block was never pressed. Arrow keys still move between cells.
 */
export function leaveKeysToCellControls(_params: GridCellParams, event: MuiEvent<KeyboardEvent>): void {
  if ((event.key === " " || event.key === "Enter") && event.target !== event.currentTarget) event.defaultMuiPrevented = true;
}

/**
 * Keeps keyboard focus on a sensible row across a change that re-renders or removes the focused
 * row (enabling a red row turns its block into a label, and under the "No access" filter removes the
 * row): the same row when it is still listed, else the row now in its place (the next red one, so
 * Enter can be pressed row after row), else the one above, else the column header. Focus is only
 * put back when it was lost (on the page body) or is still in the grid, never taken from elsewhere.
 */
export function useRowFocusKeeper(rows: readonly { id: string }[], field: string) {
  const apiRef = useGridApiRef();
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const pending = useRef<{ id: string; index: number; armed: boolean } | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const want = pending.current;
    const api = apiRef.current;
    if (!want?.armed || !api) return;
    pending.current = null;
    const root = api.rootElementRef?.current;
    const active = document.activeElement;
    if (active && active !== document.body && !root?.contains(active)) return;
    const list = rowsRef.current;
    const target = list.find((r) => r.id === want.id) ?? list[Math.min(want.index, list.length - 1)];
    if (!target) {
      api.setColumnHeaderFocus(field);
      return;
    }
    api.scrollToIndexes({ rowIndex: list.indexOf(target) });
    api.setCellFocus(target.id, field);
    // setCellFocus moves the DOM focus only when the focused cell changes: make sure it lands.
    const cell = api.getCellElement(target.id, field);
    const control = cell?.querySelector<HTMLElement>('button:not([disabled]), [tabindex="0"]');
    (control ?? cell)?.focus();
  }, [tick, apiRef, field]);

  return {
    apiRef,
    /** Before the change: which row has focus now, and where it is in the page. */
    remember(id: string) {
      pending.current = { id, index: Math.max(0, rowsRef.current.findIndex((r) => r.id === id)), armed: false };
    },
    /** After the change (the new rows fetched): put focus back on the next render. */
    restore() {
      if (!pending.current) return;
      pending.current.armed = true;
      setTick((n) => n + 1);
    },
  };
}
