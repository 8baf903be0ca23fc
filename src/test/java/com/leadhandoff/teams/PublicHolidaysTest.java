package com.leadhandoff.teams;

import static org.assertj.core.api.Assertions.assertThat;

import de.focus_shift.jollyday.core.HolidayManager;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicHolidaysTest {

  private final PublicHolidays holidays = new PublicHolidays();

  @Test
  void aRegionsHolidaysAreItsCountrysAndItsOwn() {
    assertThat(holidays.on("DE", LocalDate.of(2026, 10, 3))).isEqualTo("German Unity Day");
    assertThat(holidays.on("DE-BY", LocalDate.of(2026, 1, 6))).as("Epiphany, in Bavaria").isNotNull();
    assertThat(holidays.on("DE", LocalDate.of(2026, 1, 6))).as("not in all of Germany").isNull();
    assertThat(holidays.on("US", LocalDate.of(2025, 7, 4))).as("Independence Day, a Friday").isNotNull();
    assertThat(holidays.on("US", LocalDate.of(2025, 7, 7))).isNull();
  }

  @Test
  void anUnknownCountryOrRegionIsNamed() {
    assertThat(holidays.whyUnknown("DE-BY")).isNull();
    assertThat(holidays.whyUnknown("XX")).contains("unknown country 'XX'");
    assertThat(holidays.whyUnknown("DE-ZZ")).contains("unknown region 'DE-ZZ'").contains("DE-BY");
  }

  /**
   * The library fills its list of data sources after publishing it empty, so the first callers on several threads at
   * once could find none (bench/run sla-drain's eight capture threads failed on it): the list is full once the bean
   * exists. The library's field is read by reflection: it has no public way to say whether it has loaded.
   */
  @Test
  void theLibrarysDataSourceIsLoadedWhenTheBeanIsCreatedNotByTheFirstLeads() throws Exception {
    Field managerField = HolidayManager.class.getDeclaredField("configurationServiceManager");
    managerField.setAccessible(true);
    Object serviceManager = managerField.get(null);
    Field cacheField = serviceManager.getClass().getDeclaredField("configurationServiceCache");
    cacheField.setAccessible(true);
    Object cache = cacheField.get(serviceManager);
    Field services = cache.getClass().getDeclaredField("services");
    services.setAccessible(true);
    services.set(cache, null);
    HolidayManager.clearManagerCache();

    new PublicHolidays();

    assertThat((List<?>) services.get(cache)).isNotEmpty();
  }
}
