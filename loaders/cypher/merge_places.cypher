// Places (objects of CONTROLS and ATTACKS): id = "place:" + the Arabic name.
// $rows: [{id: STRING, name_ar: STRING}]
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
ON CREATE SET p.name_ar = row.name_ar
