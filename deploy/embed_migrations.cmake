# Writes OUTPUT, a C++ file defining laurel::EmbeddedMigrations() from FILES (NNNN_name.sql, sorted).
set(entries "")
foreach(file IN LISTS FILES)
  get_filename_component(name ${file} NAME_WE)
  if(NOT name MATCHES "^([0-9]+)_")
    message(FATAL_ERROR "migration ${file} is not named NNNN_description.sql")
  endif()
  math(EXPR version "${CMAKE_MATCH_1}")
  file(READ ${file} sql)
  string(APPEND entries "      {${version}, \"${name}\", R\"laurel_sql(${sql})laurel_sql\"},\n")
endforeach()
file(WRITE ${OUTPUT} "// Generated from deploy/migrations by embed_migrations.cmake; do not edit.
#include \"common/migration.h\"

namespace laurel {

const std::vector<Migration>& EmbeddedMigrations() {
  static const auto* const migrations = new std::vector<Migration>{
${entries}  };
  return *migrations;
}

}  // namespace laurel
")
