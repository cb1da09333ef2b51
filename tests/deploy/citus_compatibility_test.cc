// The schema, as the migrations build it, checked against Citus' rules for the distribution plan in
// deploy/citus/distribute.sql. Citus cannot be installed here, so the test reads PostgreSQL's
// catalog of a freshly migrated database and applies the rules Citus enforces when
// create_distributed_table / create_reference_table run and when later DDL reaches distributed
// tables:
//   - every table has a place in the plan: distributed, reference, or declared local;
//   - a distributed table's distribution column is NOT NULL, and co-located tables' distribution
//     columns have one type;
//   - every primary key and unique index of a distributed table includes its distribution column;
//   - a foreign key between distributed tables joins co-located tables on their distribution
//     columns; one from a distributed to a reference table is fine; none may point from a reference
//     table to a distributed one, or connect a local table with a distributed one;
//   - identity columns of distributed tables are BIGINT, and distributed tables carry no triggers.
// What the schema does not meet yet is declared in deploy/citus/README.md ("Known gaps"); the test
// holds the two lists equal, so a new migration cannot add a violation unnoticed and a fixed gap
// must leave the README.
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "pqxx/pqxx"
#include "tests/support/markdown.h"
#include "tests/support/source_tree.h"
#include "tests/support/test_database.h"

namespace laurel {
namespace {

struct Placement {
  enum Kind { kDistributed, kReference, kLocal } kind;
  std::string column;          // distribution column, for kDistributed
  std::string colocated_with;  // the table whose shards it shares ("" for its own group)
};

// The plan: create_distributed_table / create_reference_table calls and "-- stays local:" lines.
std::map<std::string, Placement> DistributionPlan(const std::string& sql) {
  static const std::regex kDistributed(
      R"(create_distributed_table\('(\w+)',\s*'(\w+)'(?:,\s*colocate_with\s*=>\s*'(\w+)')?\))");
  static const std::regex kReference(R"(create_reference_table\('(\w+)'\))");
  static const std::regex kLocal(R"(-- stays local: ([\w, ]+))");
  std::map<std::string, Placement> plan;
  for (auto it = std::sregex_iterator(sql.begin(), sql.end(), kDistributed);
       it != std::sregex_iterator(); ++it) {
    plan[(*it)[1]] = {Placement::kDistributed, (*it)[2], (*it)[3]};
  }
  for (auto it = std::sregex_iterator(sql.begin(), sql.end(), kReference);
       it != std::sregex_iterator(); ++it) {
    plan[(*it)[1]] = {Placement::kReference, "", ""};
  }
  for (auto it = std::sregex_iterator(sql.begin(), sql.end(), kLocal); it != std::sregex_iterator();
       ++it) {
    for (absl::string_view table :
         absl::StrSplit(std::string((*it)[1]), ',', absl::SkipWhitespace())) {
      plan[std::string(absl::StripAsciiWhitespace(table))] = {Placement::kLocal, "", ""};
    }
  }
  return plan;
}

// The co-location group of a distributed table: the table at the root of its colocate_with chain.
std::string Group(const std::map<std::string, Placement>& plan, std::string table) {
  while (plan.count(table) && !plan.at(table).colocated_with.empty()) {
    table = plan.at(table).colocated_with;
  }
  return table;
}

std::vector<std::string> Columns(const pqxx::field& array) {
  std::vector<std::string> columns;
  auto parser = array.as_array();
  for (auto [juncture, value] = parser.get_next(); juncture != pqxx::array_parser::juncture::done;
       std::tie(juncture, value) = parser.get_next()) {
    if (juncture == pqxx::array_parser::juncture::string_value) columns.push_back(value);
  }
  return columns;
}

constexpr char kTables[] = R"sql(
SELECT c.relname FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1)sql";

constexpr char kUniqueIndexes[] = R"sql(
SELECT t.relname, i.relname,
       ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n)
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
WHERE x.indisunique AND t.relnamespace = 'public'::regnamespace ORDER BY 1, 2)sql";

constexpr char kForeignKeys[] = R"sql(
SELECT f.conname, f.conrelid::regclass::text, f.confrelid::regclass::text,
       ARRAY(SELECT a.attname FROM unnest(f.conkey) WITH ORDINALITY k(attnum, n)
             JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.attnum ORDER BY k.n),
       ARRAY(SELECT a.attname FROM unnest(f.confkey) WITH ORDINALITY k(attnum, n)
             JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.attnum ORDER BY k.n)
FROM pg_constraint f WHERE f.contype = 'f' AND f.connamespace = 'public'::regnamespace
ORDER BY 1)sql";

constexpr char kColumn[] = R"sql(
SELECT format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity <> ''
FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attname = $2)sql";

constexpr char kIdentityColumns[] = R"sql(
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relnamespace = 'public'::regnamespace AND a.attidentity <> '' ORDER BY 1, 2)sql";

constexpr char kTriggers[] = R"sql(
SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2)sql";

// Every way the migrated schema breaks Citus' rules for `plan`, one line each, named by the
// constraint, index or table at fault.
std::set<std::string> Violations(pqxx::connection& connection,
                                 const std::map<std::string, Placement>& plan) {
  std::set<std::string> violations;
  pqxx::read_transaction catalog(connection);
  const auto placement = [&](const std::string& table) -> const Placement* {
    auto found = plan.find(table);
    return found == plan.end() ? nullptr : &found->second;
  };
  const auto distributed = [&](const std::string& table) {
    const Placement* p = placement(table);
    return p != nullptr && p->kind == Placement::kDistributed;
  };

  std::map<std::string, std::string> group_type;
  for (const pqxx::row& row : catalog.exec(kTables)) {
    const std::string table = row[0].as<std::string>();
    const Placement* p = placement(table);
    if (p == nullptr) {
      violations.insert(absl::StrCat(table, ": not in the distribution plan"));
      continue;
    }
    if (p->kind != Placement::kDistributed) continue;
    const pqxx::result column = catalog.exec_params(kColumn, table, p->column);
    if (column.empty()) {
      violations.insert(absl::StrCat(table, ": no distribution column ", p->column));
      continue;
    }
    if (!column[0][1].as<bool>()) {
      violations.insert(absl::StrCat(table, ".", p->column, ": distribution column is nullable"));
    }
    const std::string type = column[0][0].as<std::string>();
    auto [it, inserted] = group_type.emplace(Group(plan, table), type);
    if (!inserted && it->second != type) {
      violations.insert(absl::StrCat(table, ".", p->column, ": ", type,
                                     " does not match its co-location group's ", it->second));
    }
  }

  for (const pqxx::row& row : catalog.exec(kUniqueIndexes)) {
    const std::string table = row[0].as<std::string>();
    if (!distributed(table)) continue;
    const std::vector<std::string> columns = Columns(row[2]);
    if (std::find(columns.begin(), columns.end(), placement(table)->column) == columns.end()) {
      violations.insert(absl::StrCat(row[1].as<std::string>(), ": unique (",
                                     absl::StrJoin(columns, ", "), ") on ", table,
                                     " lacks the distribution column ", placement(table)->column));
    }
  }

  for (const pqxx::row& row : catalog.exec(kForeignKeys)) {
    const std::string name = row[0].as<std::string>();
    const std::string from = row[1].as<std::string>(), to = row[2].as<std::string>();
    const Placement* source = placement(from);
    const Placement* target = placement(to);
    if (source == nullptr || target == nullptr) continue;  // reported as unplanned tables
    if (source->kind == Placement::kLocal || target->kind == Placement::kLocal) {
      if (distributed(from) || distributed(to)) {
        violations.insert(absl::StrCat(name, ": connects a local table with a distributed one"));
      }
      continue;
    }
    if (source->kind == Placement::kReference && target->kind == Placement::kDistributed) {
      violations.insert(
          absl::StrCat(name, ": a reference table cannot point at a distributed one"));
      continue;
    }
    if (source->kind != Placement::kDistributed || target->kind != Placement::kDistributed)
      continue;
    if (Group(plan, from) != Group(plan, to)) {
      violations.insert(absl::StrCat(name, ": ", from, " and ", to, " are not co-located"));
      continue;
    }
    // The referencing table's distribution column must reference the referenced one's.
    const std::vector<std::string> keys = Columns(row[3]), referenced = Columns(row[4]);
    bool joins_distribution_columns = false;
    for (size_t i = 0; i < keys.size(); ++i) {
      joins_distribution_columns |= keys[i] == source->column && referenced[i] == target->column;
    }
    if (!joins_distribution_columns) {
      violations.insert(absl::StrCat(name, ": (", absl::StrJoin(keys, ", "), ") → ", to, " (",
                                     absl::StrJoin(referenced, ", "),
                                     ") does not join the distribution columns"));
    }
  }

  for (const pqxx::row& row : catalog.exec(kIdentityColumns)) {
    if (distributed(row[0].as<std::string>()) && row[2].as<std::string>() != "bigint") {
      violations.insert(absl::StrCat(row[0].as<std::string>(), ".", row[1].as<std::string>(),
                                     ": identity columns of distributed tables must be bigint"));
    }
  }
  for (const pqxx::row& row : catalog.exec(kTriggers)) {
    if (distributed(row[0].as<std::string>())) {
      violations.insert(absl::StrCat(row[1].as<std::string>(), ": trigger on distributed table ",
                                     row[0].as<std::string>()));
    }
  }
  return violations;
}

// The "Known gaps" of deploy/citus/README.md: the `code` spans before the colon of each list item.
std::set<std::string> DeclaredGaps() {
  auto readme = testing::ReadFile(testing::SourcePath("deploy/citus/README.md"));
  EXPECT_TRUE(readme.ok()) << readme.status();
  std::set<std::string> gaps;
  for (absl::string_view line :
       absl::StrSplit(testing::MarkdownSection(*readme, "## Known gaps"), '\n')) {
    if (!absl::ConsumePrefix(&line, "- ")) continue;
    const std::vector<absl::string_view> spans =
        absl::StrSplit(line.substr(0, line.find("`: ") + 1), '`');
    for (size_t i = 1; i < spans.size(); i += 2) gaps.emplace(spans[i]);
  }
  return gaps;
}

// The name a violation line starts with: the constraint, index, table or column at fault.
std::string Culprit(const std::string& violation) {
  return violation.substr(0, violation.find(':'));
}

class CitusCompatibilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string url = testing::MigratedDatabaseUrl(database_);
    ASSERT_FALSE(url.empty());
    connection_ = std::make_unique<pqxx::connection>(url);
    auto plan = testing::ReadFile(testing::SourcePath("deploy/citus/distribute.sql"));
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = DistributionPlan(*plan);
    ASSERT_FALSE(plan_.empty());
  }

  std::unique_ptr<testing::TestDatabase> database_;
  std::unique_ptr<pqxx::connection> connection_;
  std::map<std::string, Placement> plan_;
};

TEST_F(CitusCompatibilityTest, TheMigratedSchemaBreaksNoRuleBeyondTheDeclaredGaps) {
  const std::set<std::string> violations = Violations(*connection_, plan_);
  std::set<std::string> culprits;
  for (const std::string& violation : violations) culprits.insert(Culprit(violation));
  EXPECT_EQ(culprits, DeclaredGaps()) << "violations:\n" << absl::StrJoin(violations, "\n");
}

// The rules themselves, on a schema made to break each of them once.
TEST_F(CitusCompatibilityTest, TheRulesCatchWhatCitusRefuses) {
  pqxx::work setup(*connection_);
  setup.exec(R"sql(
    CREATE TABLE shards_a (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code TEXT UNIQUE);
    CREATE TABLE shards_b (a_id BIGINT NOT NULL, id INTEGER GENERATED ALWAYS AS IDENTITY,
                           other_a BIGINT REFERENCES shards_a (id), PRIMARY KEY (a_id, id));
    CREATE TABLE lookup (id BIGINT PRIMARY KEY, a_id BIGINT REFERENCES shards_a (id));
    CREATE TABLE unplanned (id BIGINT);
  )sql");
  setup.commit();
  std::map<std::string, Placement> plan = {
      {"shards_a", {Placement::kDistributed, "id", ""}},
      {"shards_b", {Placement::kDistributed, "a_id", "shards_a"}},
      {"lookup", {Placement::kReference, "", ""}}};
  std::set<std::string> culprits;
  for (const std::string& violation : Violations(*connection_, plan)) {
    culprits.insert(Culprit(violation));
  }
  for (const char* expected : {"shards_a_code_key", "shards_b.id", "shards_b_other_a_fkey",
                               "lookup_a_id_fkey", "unplanned"}) {
    EXPECT_TRUE(culprits.count(expected)) << expected << " not caught";
  }
  EXPECT_FALSE(culprits.count("shards_a_pkey"));
  EXPECT_FALSE(culprits.count("shards_b_pkey"));
}

}  // namespace
}  // namespace laurel
