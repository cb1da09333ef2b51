#pragma once

#include <vector>

namespace laurel {

// Parses the command line into ABSL_FLAGs. Every flag can also be set from the environment as
// LAUREL_<FLAG_NAME> (--database_url ← LAUREL_DATABASE_URL), so containers are configured by
// environment alone; a flag on the command line wins over the environment. Exits with status 2 on a
// bad value.
std::vector<char*> ParseFlagsWithEnvironment(int argc, char** argv, const char* usage);

}  // namespace laurel
