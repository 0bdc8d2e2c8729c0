import { useTranslation } from 'react-i18next';
import { useCatalogStore } from '../state/catalogStore';
import { useSelectionStore } from '../state/selectionStore';

/** What is in view, in one line: the selected object, or nothing. */
export function useFocusCaption(): string | null {
  const { t } = useTranslation();
  const selectedId = useSelectionStore((s) => s.selectedId);
  const object = useCatalogStore((s) =>
    selectedId === null ? undefined : s.objects[s.indexById.get(selectedId) ?? -1],
  );
  if (!object) return null;
  return `${object.objectName} (${object.noradCatId}, ${object.objectId || t('watch.noDesignator')})`;
}
