import { useCatalogStore } from '../state/catalogStore';
import { useSelectionStore } from '../state/selectionStore';

/** The name of the object under the pointer. */
export function HoverLabel() {
  const { hoveredId, hoverAt } = useSelectionStore();
  const object = useCatalogStore((s) =>
    hoveredId === null ? undefined : s.objects[s.indexById.get(hoveredId) ?? -1],
  );
  if (!object || !hoverAt) return null;
  return (
    <div
      className="hover-label"
      style={{ left: hoverAt.x + 14, top: hoverAt.y + 14 }}
      aria-hidden="true"
    >
      {object.objectName} <span className="muted">{object.noradCatId}</span>
    </div>
  );
}
