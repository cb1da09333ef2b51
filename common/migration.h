#pragma once

#include <string_view>
#include <vector>

namespace laurel {

// One numbered schema change, from deploy/migrations/NNNN_name.sql.
struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Every migration compiled into this binary, in version order.
const std::vector<Migration>& EmbeddedMigrations();

}  // namespace laurel
