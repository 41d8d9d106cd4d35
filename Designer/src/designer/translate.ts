/**
 * zh-CN for the modeler: palette, context pad, replace menu, properties panel (BPMN and Zeebe providers, element
 * templates), template chooser, linting and minimap. bpmn-js-i18n's file is partial and out of date, so the map is
 * ours, one file per module under ./zh; `npm run i18n` (run by `npm run build`) fails when a string the installed
 * modules translate is missing from it. Untranslated strings fall back to English; `{placeholders}` are filled as
 * diagram-js does, and a replacement value that is itself in the map (an event type label, say) is translated too.
 */
import diagram from './zh/diagram';
import elementTypes from './zh/elementTypes';
import propertiesPanel from './zh/propertiesPanel';
import zeebe from './zh/zeebe';
import elementTemplates from './zh/elementTemplates';
import lint from './zh/lint';

// Each English string is in one file only (the coverage check says so), so the order does not matter.
const zh: Record<string, string> = { ...diagram, ...elementTypes, ...propertiesPanel, ...zeebe, ...elementTemplates, ...lint };

function translate(template: string, replacements?: Record<string, string>): string {
  const text = zh[template] ?? template;
  return text.replace(/{([^}]+)}/g, (_, key: string) => {
    const value = replacements?.[key];
    return value === undefined ? `{${key}}` : (zh[value] ?? value);
  });
}

/** The translate service for zh-CN; English keeps diagram-js's own. */
export const zhTranslateModule = { translate: ['value', translate] };

/** How many entries the map has (shown in the designer's footer). */
export const translatedCount = Object.keys(zh).length;
