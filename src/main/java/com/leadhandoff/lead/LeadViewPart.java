package com.leadhandoff.lead;

import java.util.Map;

/**
 * What a feature adds to the lead's read view (GET /api/leads/{id}) from the tables it owns: named parts, each a field
 * of the answer. The lead does not know the features; they register their parts as beans.
 */
public interface LeadViewPart {

  Map<String, Object> partsOf(Lead lead);
}
