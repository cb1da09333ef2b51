#include "ingest-service/src/parser/parse_article.h"
