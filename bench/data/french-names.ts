/**
 * Name material for synthetic, invented persons. Common French surnames (rough frequency order, with a
 * Nord flavour), first names of the generations born 1925–1960 and of today's staff. Accents, ligatures,
 * apostrophes, spaces and hyphens are kept on purpose: search must cope with all of them.
 */

export const commonSurnames: readonly string[] = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron',
  'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
  'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte', 'Lopez',
  'Dupuy', 'Guillot', 'Hubert', 'Berger', 'Carpentier', 'Sanchez', 'Dupuis', 'Moulin', 'Louis', 'Deschamps',
  'Huet', 'Vasseur', 'Perez', 'Boucher', 'Fleury', 'Royer', 'Klein', 'Jacquet', 'Adam', 'Paris',
  'Poirier', 'Marty', 'Aubry', 'Guyot', 'Carré', 'Charles', 'Renault', 'Charpentier', 'Ménard', 'Maillard',
  'Baron', 'Bertin', 'Bailly', 'Hervé', 'Schneider', 'Fernandez', 'Le Gall', 'Collet', 'Léger', 'Bouvier',
  'Julien', 'Prévost', 'Millet', 'Perrot', 'Daniel', 'Le Roux', 'Cousin', 'Germain', 'Breton', 'Besson',
  'Langlois', 'Rémy', 'Le Goff', 'Pelletier', 'Lévêque', 'Perrier', 'Leblanc', 'Barré', 'Lebrun', 'Marchal',
  'Weber', 'Mallet', 'Hamon', 'Boulanger', 'Jacob', 'Monnier', 'Michaud', 'Rodriguez', 'Guichard', 'Gillet',
  'Étienne', 'Poulain', 'Tessier', 'Chevallier', 'Collin', 'Chauvin', 'Da Silva', 'Bouchet', 'Lemaître', 'Bénard',
  'Maréchal', 'Humbert', 'Reynaud', 'Antoine', 'Perret', 'Barthélemy', 'Cordier', 'Pichon', 'Lejeune', 'Gilbert',
  'Lamy', 'Delaunay', 'Pasquier', 'Carlier', 'Laporte', 'Delattre', 'Vandenberghe', 'Declercq', 'Dewaele', 'Vermeersch',
  'Desmet', 'Dhainaut', 'Bréhon', 'Évrard', 'Besançon', 'Delcroix', 'Delannoy', 'Lefranc', 'Dufresne', 'Wattel',
  'Lenoir', 'Hennebelle', "D'Hondt", 'Vanhoutte', 'Caudron', 'Plouvier', 'Debève', 'Duhamel', 'Deroo', 'Flament',
  'Delbecque', 'Pruvost', 'Ducrocq', 'Lecœur', "N'Diaye", 'Benali', 'Haddad', 'Belkacem', 'Mansouri', 'Dos Santos',
  'Ferreira', 'Kowalski', 'Nowak', 'Wiśniewski', 'Lewandowski', 'Szymański', 'Bégué', 'Hébert', 'Pâris', 'Cœuret',
];

/** Roots and endings for the long tail of rarer surnames, as in the real distribution. */
export const surnameRoots: readonly string[] = [
  'Lef', 'Leb', 'Dub', 'Dur', 'Bern', 'Mar', 'Gauth', 'Fourn', 'Mor', 'Lemarch', 'Ber', 'Char', 'Cor', 'Dell',
  'Desc', 'Duc', 'Fav', 'Gir', 'Guill', 'Jacqu', 'Lam', 'Lec', 'Mén', 'Pell', 'Rich', 'Rob', 'Roch', 'Thib',
  'Vauc', 'Vill', 'Bé', 'Mé', 'Thé', 'Lé', 'Gré', 'Hé', 'Fé', 'Pé', 'Chê', 'Crè', 'Bou', 'Cou', 'Gou', 'Hou',
  'Pou', 'Delat', 'Desm', 'Dum', 'Vanden', 'Ver', 'Wa', 'Co', 'Tr', 'Bl', 'Gr', 'Pr', 'Fl', 'Cl', 'Br', 'Dr',
];

export const surnameEndings: readonly string[] = [
  'ier', 'ière', 'ard', 'aud', 'ault', 'eau', 'elle', 'et', 'ette', 'on', 'ot', 'in', 'ain', 'and', 'ant',
  'as', 'ez', 'eux', 'oux', 'y', 'é', 'ès', 'ègue', 'ençon', 'ève', 'hon', 'rat', 'court', 'mont', 'ville',
  'quet', 'lin', 'bert', 'aert', 'oëns', 'isse', 'oche', 'aze', 'illon',
];

export const elderlyFemaleFirstNames: readonly string[] = [
  'Jeanne', 'Marie', 'Germaine', 'Odette', 'Suzanne', 'Yvette', 'Monique', 'Jacqueline', 'Simone', 'Paulette',
  'Denise', 'Madeleine', 'Marcelle', 'Raymonde', 'Renée', 'Thérèse', 'Geneviève', 'Hélène', 'Françoise', 'Colette',
  'Josette', 'Ginette', 'Lucienne', 'Andrée', 'Élise', 'Éliane', 'Élodie', 'Irène', 'Cécile', 'Bernadette',
  'Micheline', 'Nicole', 'Danielle', 'Christiane', 'Annie', 'Michèle', 'Gisèle', 'Liliane', 'Huguette', 'Lucette',
  'Solange', 'Noëlle', 'Fatima', 'Zohra', 'Maria', 'Anne-Marie', 'Marie-Thérèse', 'Léone', 'Jeannine', 'Arlette',
];

export const elderlyMaleFirstNames: readonly string[] = [
  'Jean', 'Pierre', 'André', 'Marcel', 'Raymond', 'Henri', 'Lucien', 'Roger', 'René', 'Louis',
  'Georges', 'Robert', 'Roland', 'Maurice', 'Michel', 'Gérard', 'Jacques', 'Bernard', 'Claude', 'Guy',
  'Daniel', 'Alain', 'François', 'Joseph', 'Émile', 'Léon', 'Étienne', 'Gaston', 'Fernand', 'Albert',
  'Hervé', 'Noël', 'Joël', 'Aimé', 'Désiré', 'Mohamed', 'Ahmed', 'Manuel', 'Antonio', 'Jean-Pierre',
  'Jean-Claude', 'Jean-Marie', 'Gilbert', 'Marius', 'Célestin', 'Stanislas', 'Kazimierz', 'Josué', 'Benoît', 'Jérôme',
];

export const staffFirstNames: readonly string[] = [
  'Nadia', 'Claire', 'Julien', 'Sophie', 'Marc', 'Inès', 'Paul', 'Léa', 'Hugo', 'Amélie',
  'Karim', 'Nathalie', 'Isabelle', 'Sandrine', 'Stéphanie', 'Céline', 'Aurélie', 'Émilie', 'Julie', 'Camille',
  'Manon', 'Chloé', 'Sarah', 'Élodie', 'Laëtitia', 'Mélanie', 'Virginie', 'Valérie', 'Sylvie', 'Christophe',
  'Stéphane', 'Sébastien', 'Nicolas', 'Thomas', 'Maxime', 'Antoine', 'Guillaume', 'Jérôme', 'Frédéric', 'Cédric',
  'Mickaël', 'Yannick', 'Samir', 'Rachid', 'Fatou', 'Aïcha', 'Yasmine', 'Océane', 'Zoé', 'Gaëlle',
];
