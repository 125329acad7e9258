#include "core/civil_date.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>

namespace oversight {

namespace {

// The digits of `text` as a number, or -1 if it is empty or not all digits.
int Digits(std::string_view text) {
  int value = 0;
  if (text.empty() || text.size() > 4) return -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : -1;
}

std::optional<CivilDay> FromParts(int year, int month, int day) {
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(year),
                                         std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  return static_cast<CivilDay>(std::chrono::sys_days(date).time_since_epoch().count());
}

}  // namespace

std::optional<CivilDay> ParseCivilDay(std::string_view text) {
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    return FromParts(Digits(text.substr(0, 4)), Digits(text.substr(5, 2)),
                     Digits(text.substr(8, 2)));
  }
  const size_t first = text.find('/');
  const size_t second = first == std::string_view::npos ? first : text.find('/', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const std::string_view year = text.substr(second + 1);
  int y = Digits(year);
  if (year.size() == 2 && y >= 0) {
    y += 2000;
  } else if (year.size() != 4) {
    return std::nullopt;
  }
  return FromParts(y, Digits(text.substr(0, first)),
                   Digits(text.substr(first + 1, second - first - 1)));
}

std::string FormatCivilDay(CivilDay day) {
  const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(day))};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

}  // namespace oversight
