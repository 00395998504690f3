#pragma once

#include <QString>

namespace gc {

// The language names from the code tables (states, sources, categories, levels, risks …) are
// shown in. The tables carry both names themselves, so a county's adapted table brings its own
// English and core stays free of translation catalogues. Chinese unless the app switched (the
// GUI does when it loads its English translation); gridctl and stored data stay Chinese.
enum class DisplayLanguage { Chinese, English };

void setDisplayLanguage(DisplayLanguage language);
DisplayLanguage displayLanguage();

// The name in the display language; the Chinese one where a table has no English for it.
QString pickDisplayName(const QString& chinese, const QString& english);

} // namespace gc
