#!/usr/bin/env node
// Validates an add-in XML manifest OFFLINE against the official Office schemas vendored in
// manifest-schemas/ (see its README for their provenance).
//
//   node scripts/validate-manifest.js [manifest.xml | dist/manifest.xml]
//
// The vendored XSDs are byte-exact copies with known defects; the corrections their README lists are
// applied here, in memory, before xmllint (compiled to WebAssembly, no network) reads them:
//   1. the XML Schema and xmldsig namespaces are written https://www.w3.org/… instead of http://…;
//   2. the Version pattern ends in `{0,3}?`, which is not a valid XSD regular expression;
//   3. ContentAppVersionOverridesV1_0.xsd, imported by the manifest schema, was never published:
//      a stub declares a lax VersionOverrides element in its namespace.
// On top of the XSD, a few checks the schema cannot express: every `resid` names a resource that is
// declared, resource ids are unique, and ribbon icon sizes are ones Office uses.
//
// Prints "<file> is valid" (exit 0) or the errors (exit 1).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const SCHEMA_DIR = path.join(__dirname, '..', 'manifest-schemas');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';
const DEPENDENCIES = [
  'OfficeAppBasicTypesV1_0.xsd',
  'TaskPaneAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_1.xsd',
];
const CONTENT_STUB_NAME = 'ContentAppVersionOverridesV1_0.xsd';
const CONTENT_STUB = `<?xml version="1.0" encoding="utf-8"?>
<!-- Stub: the real ContentAppVersionOverridesV1_0.xsd was never published. -->
<xs:schema elementFormDefault="qualified"
    targetNamespace="http://schemas.microsoft.com/office/contentappversionoverrides"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="VersionOverrides">
    <xs:complexType>
      <xs:sequence>
        <xs:any minOccurs="0" maxOccurs="unbounded" processContents="lax" namespace="##any"/>
      </xs:sequence>
      <xs:anyAttribute processContents="lax" namespace="##any"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;

/** The README's corrections, applied to one schema text. */
function correctSchema(text) {
  return text.split('https://www.w3.org/').join('http://www.w3.org/').split('{0,3}?"').join('{0,3}"');
}

/** The corrected schema set: { schema, preload } for xmllint-wasm. */
function loadSchemas(schemaDir = SCHEMA_DIR) {
  const read = (name) => ({
    fileName: name,
    contents: correctSchema(fs.readFileSync(path.join(schemaDir, name), 'utf8')),
  });
  return {
    schema: [read(MAIN_SCHEMA)],
    preload: [...DEPENDENCIES.map(read), { fileName: CONTENT_STUB_NAME, contents: CONTENT_STUB }],
  };
}

function lineOf(text, index) {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// Sizes Office requests for command icons (desktop ribbon 16/20/24/32/40/48/64/80, mobile 25).
const ICON_SIZES = new Set(['16', '20', '24', '25', '32', '40', '48', '64', '80']);

/** Checks beyond the XSD: unique resource ids, resolvable resid references, known icon sizes. */
function checkBeyondSchema(xml, fileName) {
  const errors = [];
  const resources = xml.match(/<(?:\w+:)?Resources\b[\s\S]*<\/(?:\w+:)?Resources>/);
  const declared = new Map();
  if (resources) {
    const offset = resources.index;
    const idRe = /<(?:\w+:)?(Image|Url|String)\b[^>]*?\sid="([^"]*)"/g;
    let m;
    while ((m = idRe.exec(resources[0]))) {
      const line = lineOf(xml, offset + m.index);
      if (declared.has(m[2])) {
        errors.push(
          `${fileName}:${line}: resource id "${m[2]}" is declared twice (first on line ${declared.get(m[2])})`,
        );
      } else {
        declared.set(m[2], line);
      }
    }
  }
  const refRe = /\sresid="([^"]*)"/g;
  let m;
  while ((m = refRe.exec(xml))) {
    if (!declared.has(m[1])) {
      errors.push(
        `${fileName}:${lineOf(xml, m.index)}: resid "${m[1]}" names no resource declared in <Resources>`,
      );
    }
  }
  const sizeRe = /<(?:\w+:)?Image\b[^>]*?\ssize="([^"]*)"/g;
  while ((m = sizeRe.exec(xml))) {
    if (!ICON_SIZES.has(m[1])) {
      errors.push(
        `${fileName}:${lineOf(xml, m.index)}: icon size ${m[1]} is not one Office uses (${[...ICON_SIZES].join(', ')})`,
      );
    }
  }
  return errors;
}

/**
 * Validates manifest text. Resolves to { valid, errors: string[] } (errors as "file:line: message").
 * @param {string} xml
 * @param {{ fileName?: string, schemaDir?: string }} [options]
 */
async function validateManifest(xml, options = {}) {
  const fileName = options.fileName || 'manifest.xml';
  const { validateXML } = require('xmllint-wasm');
  const { schema, preload } = loadSchemas(options.schemaDir);
  // xmllint-wasm refuses file names that look like options or paths; keep only the base name.
  const result = await validateXML({
    xml: [{ fileName: path.basename(fileName), contents: xml }],
    schema,
    preload,
  });
  const errors = result.errors.map((e) => {
    const where = e.loc ? `${fileName}:${e.loc.lineNumber}: ` : '';
    return where + e.message.replace(/^.*?Schemas validity error : /, '').trim();
  });
  if (result.valid) errors.push(...checkBeyondSchema(xml, fileName));
  return { valid: errors.length === 0, errors };
}

async function main() {
  const target = process.argv[2] || path.join(__dirname, '..', 'manifest.xml');
  const shown = path.relative(process.cwd(), target) || target;
  let xml;
  try {
    xml = fs.readFileSync(target, 'utf8');
  } catch (err) {
    console.error(`${shown}: cannot read (${err.code || err.message})`);
    process.exit(1);
  }
  let result;
  try {
    result = await validateManifest(xml, { fileName: shown });
  } catch (err) {
    // xmllint-wasm rejects (rather than reporting) when a document is not well-formed XML.
    console.error(`${shown} is not valid:`);
    console.error(`  ${String((err && err.message) || err).trim()}`);
    process.exit(1);
  }
  if (result.valid) {
    console.log(`${shown} is valid`);
    return;
  }
  console.error(`${shown} is not valid:`);
  for (const e of result.errors) console.error(`  ${e}`);
  process.exit(1);
}

module.exports = { validateManifest, loadSchemas, correctSchema, checkBeyondSchema };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
