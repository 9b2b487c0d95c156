#!/usr/bin/env node
// Cypher linter: runs every *.cypher file through Neo4j's own parser and
// semantic analysis (lintCypherQuery from @neo4j-cypher/language-support).
//
// Usage: node tools/lint-cypher.mjs [DIR_OR_FILE ...]   (default: cypher)
//
// Rules:
//   * directories are searched recursively for *.cypher files;
//   * any path containing /falkordb/ is SKIPPED (FalkorDB dialect, not Neo4j);
//   * each file's full text (header of // comment lines + one statement) is
//     linted; every diagnostic (error, warning, ...) fails the file, except
//     "Parameter $x is not defined." (parameters are only known at run time);
//   * a file must contain exactly one statement;
//   * no labels / relationship types are passed, so the linter never warns
//     about labels "not present in the database";
//   * the Neo4j built-in procedures and functions (catalogue shipped inside the
//     package, without the APOC / GDS plugin entries) are passed, so unknown or
//     misspelt procedures/functions and wrong procedure signatures are errors.
//
// Output: `ok  path`, `FAIL path:line:col message`, `skip path (falkordb dialect)`
// and a summary line; exit 1 if any file failed or no file was linted.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';

const PACKAGE = '@neo4j-cypher/language-support';

// The package's ESM build uses extension-less imports that Node's ESM loader
// cannot resolve, so load its CommonJS build. Resolve from this file so the
// repo's node_modules is used whatever the current directory is.
const require = createRequire(import.meta.url);
let lib;
try {
  lib = require(PACKAGE);
} catch (err) {
  console.error(`cypher lint: cannot load ${PACKAGE} (${err.code ?? err.message}); run npm ci`);
  process.exit(2);
}
const { lintCypherQuery, parserWrapper, testData } = lib;
if (typeof lintCypherQuery !== 'function') {
  console.error(`cypher lint: ${PACKAGE} does not export lintCypherQuery; run npm ci`);
  process.exit(2);
}

// Namespaces of plugin procedures/functions (not part of a plain Neo4j server).
const PLUGIN_NAMESPACES = ['apoc.', 'gds.'];
const isPlugin = (name) => PLUGIN_NAMESPACES.some((ns) => name.startsWith(ns));

function builtinCatalogue() {
  const mock = testData?.mockSchema;
  if (!mock?.procedures || !mock?.functions) return {};
  const procedures = {};
  const functions = {};
  for (const [version, registry] of Object.entries(mock.procedures)) {
    procedures[version] = Object.fromEntries(
      Object.entries(registry).filter(([name]) => !isPlugin(name)),
    );
  }
  for (const [version, registry] of Object.entries(mock.functions)) {
    functions[version] = Object.fromEntries(
      Object.entries(registry).filter(([name]) => !isPlugin(name)),
    );
  }
  return { procedures, functions };
}

// No labels, relationshipTypes, parameters: those are unknown at lint time.
const DB_SCHEMA = builtinCatalogue();

const UNDEFINED_PARAMETER = /^Parameter \$.+ is not defined\.$/s;

function displayPath(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

function isFalkorDb(shown) {
  return ('/' + shown.split(path.sep).join('/')).includes('/falkordb/');
}

function collect(arg, out, errors) {
  let st;
  try {
    st = statSync(arg);
  } catch {
    errors.push(`FAIL ${arg}: no such file or directory`);
    return;
  }
  if (st.isFile()) {
    out.push(arg);
    return;
  }
  if (!st.isDirectory()) return;
  const walk = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        walk(full);
      } else if (e.name.endsWith('.cypher')) {
        let isFile = e.isFile();
        if (e.isSymbolicLink()) {
          try {
            isFile = statSync(full).isFile();
          } catch {
            isFile = false;
          }
        }
        if (isFile) out.push(full);
      }
    }
  };
  walk(arg);
}

function countStatements(text) {
  try {
    const parsed = parserWrapper.parse(text);
    return parsed.statementsParsing.filter(
      (s) => s.command.type !== 'cypher' || s.command.statement.trim().length > 0,
    ).length;
  } catch {
    return 1; // lintCypherQuery reports the real problem
  }
}

function lintFile(file) {
  let text = readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const problems = [];
  let diagnostics;
  try {
    diagnostics = lintCypherQuery(text, DB_SCHEMA);
  } catch (err) {
    return [{ line: 1, col: 1, message: `linter crashed: ${err?.message ?? err}` }];
  }
  for (const d of diagnostics) {
    if (UNDEFINED_PARAMETER.test(d.message)) continue;
    problems.push({
      line: d.range.start.line + 1,
      col: d.range.start.character + 1,
      message: d.message.trim().replace(/\s*\n\s*/g, ' '),
    });
  }
  if (problems.length === 0) {
    const n = countStatements(text);
    if (n !== 1) {
      problems.push({ line: 1, col: 1, message: `expected exactly one statement, found ${n}` });
    }
  }
  return problems;
}

function main(argv) {
  const args = argv.length > 0 ? argv : ['cypher'];
  const files = [];
  const argErrors = [];
  for (const a of args) collect(a, files, argErrors);
  const seen = new Set();

  let ok = 0;
  let failed = argErrors.length;
  let skipped = 0;
  for (const line of argErrors) console.log(line);
  for (const file of files) {
    const shown = displayPath(path.resolve(file));
    if (seen.has(shown)) continue;
    seen.add(shown);
    if (isFalkorDb(shown)) {
      skipped += 1;
      console.log(`skip ${shown} (falkordb dialect)`);
      continue;
    }
    const problems = lintFile(file);
    if (problems.length === 0) {
      ok += 1;
      console.log(`ok  ${shown}`);
    } else {
      failed += 1;
      for (const p of problems) console.log(`FAIL ${shown}:${p.line}:${p.col} ${p.message}`);
    }
  }
  console.log(
    `cypher lint: ${ok} files ok, ${failed} failed, ${skipped} skipped (falkordb dialect)`,
  );
  if (ok + failed - argErrors.length === 0) {
    console.log('cypher lint: no Neo4j .cypher files were linted');
    return 1;
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
