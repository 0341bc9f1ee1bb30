// kgmill knowledge graph for Neo4j 5. Run with
//   cypher-shell -u neo4j -p PASSWORD -f load.cypher
// (or paste into Neo4j Browser). Safe to run again: nodes are MERGEd on id and
// relationships on (start, type, end), and every property is SET from the data.
// Bulk alternative into an empty database (admin rights, server stopped):
//   neo4j-admin database import full neo4j --nodes=nodes_<Label>.csv ... \
//     --relationships=rels_<TYPE>.csv ...   (every CSV file of this folder)
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
UNWIND [
  {id: 'hanoi-university-of-science-and-technology', name: 'Hanoi University of Science and Technology', aliases: ['Đại học Bách khoa Hà Nội', 'HUST'], country: 'VN'},
  {id: 'peking-university', name: 'Peking University', aliases: ['PKU'], country: 'CN'},
  {id: 'tsinghua-university', name: 'Tsinghua University', aliases: ['清华大学'], country: 'CN'},
  {id: 'vietnam-national-university-hanoi', name: 'Vietnam National University, Hanoi', aliases: ['VNU', 'Viet Nam National University, Ha Noi', 'Đại học Quốc gia Hà Nội', 'ĐHQGHN'], country: 'VN'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:University, n.name = row.name, n.type = 'University', n.aliases = row.aliases, n.country = row.country
REMOVE n:Unit:ResearchInstitute:Company:GovernmentBody:Network:InternationalOrganization:Organization:Person:Country:Place:Agreement:Event:Program:Field;
UNWIND [
  {id: 'faculty-of-oriental-studies', name: 'Faculty of Oriental Studies', aliases: ['Khoa Đông phương học'], country: 'VN'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Unit, n.name = row.name, n.type = 'Unit', n.aliases = row.aliases, n.country = row.country
REMOVE n:University:ResearchInstitute:Company:GovernmentBody:Network:InternationalOrganization:Organization:Person:Country:Place:Agreement:Event:Program:Field;
UNWIND [
  {id: 'samsung-electronics', name: 'Samsung Electronics', aliases: null, country: 'KR'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Company, n.name = row.name, n.type = 'Company', n.aliases = row.aliases, n.country = row.country
REMOVE n:University:Unit:ResearchInstitute:GovernmentBody:Network:InternationalOrganization:Organization:Person:Country:Place:Agreement:Event:Program:Field;
UNWIND [
  {id: 'asean-university-network', name: 'ASEAN University Network', aliases: ['AUN'], country: null}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Network, n.name = row.name, n.type = 'Network', n.aliases = row.aliases, n.country = row.country
REMOVE n:University:Unit:ResearchInstitute:Company:GovernmentBody:InternationalOrganization:Organization:Person:Country:Place:Agreement:Event:Program:Field;
UNWIND [
  {id: 'person-le-quan', name: 'Lê Quân', aliases: ['Le Quan'], country: null}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Person, n.name = row.name, n.type = 'Person', n.aliases = row.aliases, n.country = row.country
REMOVE n:University:Unit:ResearchInstitute:Company:GovernmentBody:Network:InternationalOrganization:Organization:Country:Place:Agreement:Event:Program:Field;
UNWIND [
  {id: 'country-china', name: 'China', aliases: ['Trung Quốc'], country: 'CN'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Country, n.name = row.name, n.type = 'Country', n.aliases = row.aliases, n.country = row.country
REMOVE n:University:Unit:ResearchInstitute:Company:GovernmentBody:Network:InternationalOrganization:Organization:Person:Place:Agreement:Event:Program:Field;
UNWIND [
  {id: 'place-ha-noi', name: 'Hà Nội', aliases: ['Ha Noi', 'Hanoi'], country: 'VN'}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Place, n.name = row.name, n.type = 'Place', n.aliases = row.aliases, n.country = row.country
REMOVE n:University:Unit:ResearchInstitute:Company:GovernmentBody:Network:InternationalOrganization:Organization:Person:Country:Agreement:Event:Program:Field;
UNWIND [
  {id: 'agreement-mou-vnu-tsinghua-university-2024-08', name: 'MoU(VNU–Tsinghua University, 2024-08)', aliases: null, country: null}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Agreement, n.name = row.name, n.type = 'Agreement', n.aliases = row.aliases, n.country = row.country
REMOVE n:University:Unit:ResearchInstitute:Company:GovernmentBody:Network:InternationalOrganization:Organization:Person:Country:Place:Event:Program:Field;
UNWIND [
  {id: 'event-seminar-sharing-experiences', name: 'Seminar "Sharing Experiences" on R&D <2025>', aliases: null, country: null}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Event, n.name = row.name, n.type = 'Event', n.aliases = row.aliases, n.country = row.country
REMOVE n:University:Unit:ResearchInstitute:Company:GovernmentBody:Network:InternationalOrganization:Organization:Person:Country:Place:Agreement:Program:Field;
UNWIND [
  {id: 'field-artificial-intelligence', name: 'artificial intelligence', aliases: ['trí tuệ nhân tạo'], country: null}
] AS row
MERGE (n:Entity {id: row.id})
SET n:Field, n.name = row.name, n.type = 'Field', n.aliases = row.aliases, n.country = row.country
REMOVE n:University:Unit:ResearchInstitute:Company:GovernmentBody:Network:InternationalOrganization:Organization:Person:Country:Place:Agreement:Event:Program;
UNWIND [
  {s: 'hanoi-university-of-science-and-technology', t: 'samsung-electronics', p: {date: '2025', role: null, field: null, count: null, status: null, weight: 1, symmetric: true, doc: '001_2b073ee1325f7225.txt', sentence: 'HUST signed a "strategic" agreement with Samsung Electronics,\nLG & others <2025>.', start: 1234, end: 1315, extractor: 'en.signed_with', confidence: 1.0, note: null}},
  {s: 'vietnam-national-university-hanoi', t: 'tsinghua-university', p: {date: '2024-08', role: null, field: null, count: null, status: null, weight: 2, symmetric: true, doc: '004_de89b6c87ec9c738.txt', sentence: 'VNU and Tsinghua University signed an MoU in August 2024.', start: 310, end: 367, extractor: 'en.signed_with', confidence: 0.9, note: null}}
] AS row
MATCH (a:Entity {id: row.s})
MATCH (b:Entity {id: row.t})
MERGE (a)-[r:SIGNED_AGREEMENT_WITH]->(b)
SET r = row.p;
UNWIND [
  {s: 'tsinghua-university', t: 'agreement-mou-vnu-tsinghua-university-2024-08', p: {date: null, role: null, field: null, count: null, status: null, weight: 1, symmetric: false, doc: '004_de89b6c87ec9c738.txt', sentence: 'the MoU signed by Tsinghua University', start: 420, end: 457, extractor: 'en.party_to', confidence: 0.8, note: null}},
  {s: 'vietnam-national-university-hanoi', t: 'agreement-mou-vnu-tsinghua-university-2024-08', p: {date: null, role: null, field: null, count: null, status: null, weight: 1, symmetric: false, doc: '004_de89b6c87ec9c738.txt', sentence: 'the MoU signed by VNU', start: 400, end: 421, extractor: 'en.party_to', confidence: 0.8, note: null}}
] AS row
MATCH (a:Entity {id: row.s})
MATCH (b:Entity {id: row.t})
MERGE (a)-[r:PARTY_TO]->(b)
SET r = row.p;
UNWIND [
  {s: 'vietnam-national-university-hanoi', t: 'country-china', p: {date: null, role: null, field: 'Vietnamese Studies', count: 12, status: 'planned', weight: 1, symmetric: false, doc: '004_de89b6c87ec9c738.txt', sentence: 'VNU plans to cooperate with 12 Chinese universities in Vietnamese Studies.', start: 500, end: 574, extractor: 'en.cooperates_with', confidence: 0.5, note: 'partners, "many"'}}
] AS row
MATCH (a:Entity {id: row.s})
MATCH (b:Entity {id: row.t})
MERGE (a)-[r:COOPERATES_WITH]->(b)
SET r = row.p;
UNWIND [
  {s: 'vietnam-national-university-hanoi', t: 'asean-university-network', p: {date: null, role: null, field: null, count: null, status: null, weight: 1, symmetric: false, doc: '004_de89b6c87ec9c738.txt', sentence: 'VNU is a member of the ASEAN University Network (AUN).', start: 50, end: 104, extractor: 'en.member_of', confidence: 0.95, note: null}}
] AS row
MATCH (a:Entity {id: row.s})
MATCH (b:Entity {id: row.t})
MERGE (a)-[r:MEMBER_OF]->(b)
SET r = row.p;
UNWIND [
  {s: 'faculty-of-oriental-studies', t: 'vietnam-national-university-hanoi', p: {date: null, role: null, field: null, count: null, status: null, weight: 1, symmetric: false, doc: 'vi/005_dhqghn.txt', sentence: 'Khoa Đông phương học, Trường ĐHKHXH&NV, ĐHQGHN', start: 300, end: 357, extractor: 'vi.part_of', confidence: 0.8, note: null}}
] AS row
MATCH (a:Entity {id: row.s})
MATCH (b:Entity {id: row.t})
MERGE (a)-[r:PART_OF]->(b)
SET r = row.p;
UNWIND [
  {s: 'peking-university', t: 'country-china', p: {date: null, role: null, field: null, count: null, status: null, weight: 1, symmetric: false, doc: '004_de89b6c87ec9c738.txt', sentence: 'Peking University (China)', start: 200, end: 225, extractor: 'en.located_in', confidence: 0.7, note: null}},
  {s: 'vietnam-national-university-hanoi', t: 'place-ha-noi', p: {date: null, role: null, field: null, count: null, status: null, weight: 1, symmetric: false, doc: 'vi/005_dhqghn.txt', sentence: 'ĐHQGHN ở Hà Nội', start: 12, end: 33, extractor: 'vi.located_in', confidence: 0.7, note: null}}
] AS row
MATCH (a:Entity {id: row.s})
MATCH (b:Entity {id: row.t})
MERGE (a)-[r:LOCATED_IN]->(b)
SET r = row.p;
UNWIND [
  {s: 'person-le-quan', t: 'vietnam-national-university-hanoi', p: {date: null, role: 'Director', field: null, count: null, status: null, weight: 1, symmetric: false, doc: '004_de89b6c87ec9c738.txt', sentence: 'Prof. Lê Quân, Director of VNU', start: 130, end: 162, extractor: 'en.holds_position', confidence: 0.9, note: null}}
] AS row
MATCH (a:Entity {id: row.s})
MATCH (b:Entity {id: row.t})
MERGE (a)-[r:HOLDS_POSITION]->(b)
SET r = row.p;
UNWIND [
  {s: 'person-le-quan', t: 'peking-university', p: {date: '2024-08-18/2024-08-20', role: null, field: null, count: null, status: null, weight: 1, symmetric: false, doc: '004_de89b6c87ec9c738.txt', sentence: 'Lê Quân led the delegation, 18–20 August 2024.', start: 160, end: 210, extractor: 'en.visited', confidence: 0.7, note: null}},
  {s: 'vietnam-national-university-hanoi', t: 'peking-university', p: {date: '2024-08-28', role: null, field: null, count: null, status: null, weight: 1, symmetric: false, doc: '004_de89b6c87ec9c738.txt', sentence: 'A VNU delegation visited Peking University on 28 August 2024.', start: 120, end: 181, extractor: 'en.visited', confidence: 0.9, note: null}}
] AS row
MATCH (a:Entity {id: row.s})
MATCH (b:Entity {id: row.t})
MERGE (a)-[r:VISITED]->(b)
SET r = row.p;
UNWIND [
  {s: 'hanoi-university-of-science-and-technology', t: 'event-seminar-sharing-experiences', p: {date: '2025-11-14', role: null, field: null, count: null, status: null, weight: 1, symmetric: false, doc: '001_2b073ee1325f7225.txt', sentence: 'HUST hosted the seminar on 14 November 2025.', start: 2000, end: 2044, extractor: 'en.organized', confidence: 0.9, note: null}}
] AS row
MATCH (a:Entity {id: row.s})
MATCH (b:Entity {id: row.t})
MERGE (a)-[r:ORGANIZED]->(b)
SET r = row.p;
UNWIND [
  {s: 'event-seminar-sharing-experiences', t: 'field-artificial-intelligence', p: {date: null, role: null, field: null, count: null, status: null, weight: 1, symmetric: false, doc: '001_2b073ee1325f7225.txt', sentence: 'a seminar on artificial intelligence', start: 2050, end: 2086, extractor: 'en.concerns', confidence: 0.6, note: null}}
] AS row
MATCH (a:Entity {id: row.s})
MATCH (b:Entity {id: row.t})
MERGE (a)-[r:CONCERNS]->(b)
SET r = row.p;
