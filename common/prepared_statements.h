#pragma once

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "pqxx/pqxx"

// Statements prepared once per connection. Planning a statement over Laurel's views (the rollup
// contributions, the staged records) takes longer than running it on a few rows: a statement run
// often on small inputs is prepared on each pooled connection the first time it runs there, and
// its plan reused after.
namespace laurel {

// The prepared statement's name for `sql`: `prefix` and a hash of the text, so one text always gets
// one name and two texts (almost surely) two.
std::string PreparedStatementName(absl::string_view prefix, absl::string_view sql);

// Runs `sql`, one statement with `params` for its $1, $2, ..., prepared on the transaction's
// connection.
template <typename... Params>
pqxx::result ExecPrepared(pqxx::transaction_base& transaction, const std::string& sql,
                          Params&&... params) {
  const std::string name = PreparedStatementName("laurel", sql);
  // Declaring it again with the same text is a no-op; libpqxx sends PREPARE on first use.
  transaction.conn().prepare(name, sql);
  return transaction.exec_prepared(name, std::forward<Params>(params)...);
}

// The statements of `script`, a series of statements each ending with ';' at the end of a line (the
// way Laurel's SQL is written), for preparing one by one.
std::vector<std::string> SplitStatements(absl::string_view script);

}  // namespace laurel
