# Writes OUTPUT, a C++ file defining laurel::EmbeddedMigrations() from FILES (NNNN_name.sql, sorted).
cmake_minimum_required(VERSION 3.25)
set(entries "")
set(versions "")
foreach(file IN LISTS FILES)
  get_filename_component(name ${file} NAME_WE)
  if(NOT name MATCHES "^([0-9]+)_")
    message(FATAL_ERROR "migration ${file} is not named NNNN_description.sql")
  endif()
  math(EXPR version "${CMAKE_MATCH_1}")
  # The migrator records applied migrations by version: a second file with the same number would be
  # skipped silently wherever the first had run.
  if(version IN_LIST versions)
    message(FATAL_ERROR "two migrations are numbered ${version}: renumber ${file}")
  endif()
  list(APPEND versions ${version})
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
