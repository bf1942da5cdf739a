/** The YAML files beside the articles (categories.yaml, site.yaml, authors.yaml), parsed alike. */
import * as yaml from 'js-yaml';

/**
 * The file's value (undefined for a file of comments only), or an error naming the file and
 * js-yaml's reason (with its line). Plain YAML types only: no dates or custom tags.
 */
export function parseSettingsYaml(source: string, file: string): unknown {
  // js-yaml refuses an empty document; a file of comments only (or nothing) holds no value.
  if (!source.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('#'))) return undefined;
  try {
    return yaml.load(source, { schema: yaml.CORE_SCHEMA, filename: file });
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
